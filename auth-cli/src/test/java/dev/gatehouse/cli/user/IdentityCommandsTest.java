package dev.gatehouse.cli.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code user list}, {@code user show} and {@code user unlink}: the identities at providers that sign in to accounts. */
class IdentityCommandsTest {

    private static final ProviderName KEYCLOAK = ProviderName.of("keycloak");
    private static final Username ALICE = Username.of("alice");

    @TempDir
    Path home;
    TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(home);
        cli.addUser("admin");
        cli.addUser("alice");
    }

    private void link(ProviderName provider, String subject, String user, String login, Optional<String> email,
                      Duration after, Optional<Duration> usedAfter) {
        try (Stores stores = cli.openStore()) {
            stores.identities().insert(new IdentityLink(provider, subject, Username.of(user), login, email,
                    TestCli.NOW.plus(after), usedAfter.map(TestCli.NOW::plus)));
        }
    }

    private void alicesTwoIdentities() {
        link(ProviderName.GITHUB, "583231", "alice", "octocat", Optional.empty(), Duration.ZERO, Optional.empty());
        link(KEYCLOAK, "f:3c9e11ef-8d2b", "alice", "alice@corp", Optional.of("alice@corp.example"), Duration.ofHours(1),
                Optional.of(Duration.ofDays(2)));
        cli.clock = Clock.fixed(TestCli.NOW.plus(Duration.ofDays(3)), ZoneOffset.UTC);
    }

    /** An account that signs in only through providers. */
    private void passwordless(String name) {
        try (Stores stores = cli.openStore()) {
            stores.users().insert(new User(Username.of(name), Optional.empty(), EnumSet.of(Role.USER), UserStatus.ACTIVE,
                    TestCli.NOW, Optional.empty()));
        }
    }

    private List<IdentityLink> linksOf(String name) {
        try (Stores stores = cli.openStore()) {
            return stores.identities().listFor(Username.of(name));
        }
    }

    @Test
    void theUserListShowsHowEachUserSignsInOnceAnybodyHasAnIdentityLinked() {
        alicesTwoIdentities();
        passwordless("carol");
        link(ProviderName.GITHUB, "1", "carol", "carol-gh", Optional.empty(), Duration.ZERO, Optional.empty());

        TestCli.Run run = cli.run("user", "list");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).endsWith("LAST LOGIN  SIGN-IN"), run::toString);
        assertTrue(lines.get(1).startsWith("admin") && lines.get(1).endsWith("never       password"), run::toString);
        assertTrue(lines.get(2).startsWith("alice") && lines.get(2).endsWith("password, github:octocat, keycloak:alice@corp"),
                run::toString);
        assertTrue(lines.get(3).startsWith("carol") && lines.get(3).endsWith("github:carol-gh"), run::toString);
    }

    @Test
    void theUserListAsJsonHasEachUsersSignInMethods() throws Exception {
        alicesTwoIdentities();

        JsonNode users = new ObjectMapper().readTree(cli.run("user", "list", "--json").out());

        assertEquals("[\"password\"]", users.get(0).get("signIn").toString());
        assertEquals("[\"password\",\"github:octocat\",\"keycloak:alice@corp\"]", users.get(1).get("signIn").toString());
    }

    @Test
    void showingAUserListsTheirLinkedIdentities() {
        alicesTwoIdentities();

        TestCli.Run run = cli.run("user", "show", "alice");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "Username:    alice",
                "Roles:       User",
                "Status:      Active",
                "Created:     2025-03-15 10:30:00",
                "Last login:  never",
                "Sign-in:     password, github:octocat, keycloak:alice@corp",
                "",
                "PROVIDER  LOGIN       EMAIL               LINKED               LAST USED",
                "github    octocat     -                   2025-03-15 10:30:00  never",
                "keycloak  alice@corp  alice@corp.example  2025-03-15 11:30:00  1 day ago",
                ""), run.out());
    }

    @Test
    void showingAUserWithoutIdentitiesSaysSo() {
        TestCli.Run run = cli.run("user", "show", "admin");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Roles:       Admin, User\n"), run::toString);
        assertTrue(run.out().endsWith("\nNo identity at a provider is linked to 'admin'.\n"), run::toString);
    }

    @Test
    void showingAUserAsJsonGivesTheIdentitiesWithTheirSubjects() throws Exception {
        alicesTwoIdentities();

        JsonNode user = new ObjectMapper().readTree(cli.run("user", "show", "alice", "--json").out());

        assertEquals("alice", user.get("username").textValue());
        JsonNode identities = user.get("identities");
        assertEquals(2, identities.size());
        assertEquals("{\"provider\":\"github\",\"subject\":\"583231\",\"login\":\"octocat\","
                + "\"linked\":\"2025-03-15T10:30:00Z\"}", identities.get(0).toString());
        assertEquals("alice@corp.example", identities.get(1).get("email").textValue());
        assertEquals("2025-03-17T10:30:00Z", identities.get(1).get("lastUsed").textValue());
    }

    @Test
    void showingAnUnknownUserIsRefused() {
        TestCli.Run run = cli.run("user", "show", "ghost");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertEquals("gatehouse: cannot show 'ghost': There is no user 'ghost'.\n", run.err());
    }

    @Test
    void unlinkingByLoginDisconnectsTheIdentityAndIsAudited() {
        alicesTwoIdentities();

        TestCli.Run run = cli.run("user", "unlink", "alice", "github:octocat");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Unlinked github:octocat from 'alice'; it no longer signs in there.\n", run.out());
        assertEquals(List.of("keycloak"), linksOf("alice").stream().map(l -> l.provider().value()).toList());
        try (Stores stores = cli.openStore()) {
            AuditEvent event = stores.audit().query(AuditLog.Query.latest(1)).get(0);
            assertEquals("identity.disconnect", event.action());
            assertEquals(Optional.of(ALICE), event.target());
            assertEquals("github:octocat", event.details().get("identity"));
        }
    }

    @Test
    void unlinkingBySubjectWorksToo() {
        alicesTwoIdentities();

        TestCli.Run run = cli.run("user", "unlink", "alice", "keycloak:f:3c9e11ef-8d2b");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Unlinked keycloak:alice@corp from 'alice'; it no longer signs in there.\n", run.out());
    }

    @Test
    void theLastWayInToAnAccountWithoutAPasswordStaysUntilItHasOne() {
        passwordless("carol");
        link(ProviderName.GITHUB, "1", "carol", "carol-gh", Optional.empty(), Duration.ZERO, Optional.empty());

        TestCli.Run refused = cli.run("user", "unlink", "carol", "github:carol-gh");

        assertEquals(ExitCodes.REFUSED, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("github:carol-gh is the last way into 'carol': the account has no password"
                + " and no other sign-in method. Set a password or connect another provider first."), refused::toString);
        assertEquals(1, linksOf("carol").size());

        cli.runWithStdin(TestCli.PASSWORD + "\n", "user", "passwd", "carol", "--password-stdin");
        TestCli.Run done = cli.run("user", "unlink", "carol", "github:carol-gh");
        assertEquals(0, done.exitCode(), done::toString);
        assertEquals(List.of(), linksOf("carol"));
    }

    @Test
    void anIdentityTheAccountDoesNotHaveIsRefusedAndNothingChanges() {
        alicesTwoIdentities();
        link(ProviderName.GITHUB, "2", "admin", "admin-gh", Optional.empty(), Duration.ZERO, Optional.empty());

        TestCli.Run someoneElses = cli.run("user", "unlink", "alice", "github:admin-gh");
        TestCli.Run unknownUser = cli.run("user", "unlink", "ghost", "github:octocat");

        assertEquals(ExitCodes.REFUSED, someoneElses.exitCode(), someoneElses::toString);
        assertEquals("gatehouse: cannot unlink github:admin-gh from 'alice': 'alice' has no github identity 'admin-gh';"
                + " gatehouse user show alice lists them.\n", someoneElses.err());
        assertEquals(ExitCodes.REFUSED, unknownUser.exitCode(), unknownUser::toString);
        assertTrue(unknownUser.err().contains("There is no user 'ghost'."), unknownUser::toString);
        assertEquals(1, linksOf("admin").size());
        assertEquals(2, linksOf("alice").size());
    }

    @Test
    void twoIdentitiesWithOneLoginAreAmbiguousAndNamedBySubject() {
        link(KEYCLOAK, "s-1", "alice", "alice", Optional.empty(), Duration.ZERO, Optional.empty());
        link(KEYCLOAK, "s-2", "alice", "alice", Optional.empty(), Duration.ofSeconds(1), Optional.empty());

        TestCli.Run run = cli.run("user", "unlink", "alice", "keycloak:alice");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertTrue(run.err().contains("name one by its subject instead: keycloak:s-1, keycloak:s-2."), run::toString);
        assertEquals(2, linksOf("alice").size());
    }

    @Test
    void anIdentityWrittenWithoutItsProviderIsAUsageError() {
        alicesTwoIdentities();

        for (String spelling : List.of("octocat", ":octocat", "github:", "GitHub:octocat")) {
            TestCli.Run run = cli.run("user", "unlink", "alice", spelling);
            assertEquals(ExitCodes.USAGE, run.exitCode(), spelling + ": " + run);
        }
        assertEquals(2, linksOf("alice").size());
    }

    @Test
    void removingAUserRemovesTheirIdentitiesSoANewAccountOfTheNameHasNone() {
        alicesTwoIdentities();

        assertEquals(0, cli.run("user", "remove", "alice").exitCode());
        cli.addUser("alice");

        assertEquals(List.of(), linksOf("alice"));
        assertTrue(cli.run("user", "show", "alice").out().contains("Sign-in:     password\n"));
    }
}
