package dev.gatehouse.cli.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.sessions.ValidateSessionService;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.store.json.JsonStores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse store migrate}: an llms.py store moves with its passwords, once, and says what moved. */
class StoreMigrateCommandTest {

    @TempDir
    Path root;
    Path llms;
    Path gatehouse;
    String from;
    String to;
    TestCli cli;

    @BeforeEach
    void anLlmsPyStoreAndAnEmptyTarget() throws IOException {
        llms = Files.createDirectories(root.resolve("llms/credentials"));
        try (InputStream fixture = getClass().getResourceAsStream("/llms-py/users.json")) {
            Files.copy(fixture, llms.resolve("users.json"));
        }
        gatehouse = root.resolve("gatehouse");
        from = "json:" + llms;
        to = "json:" + gatehouse;
        cli = new TestCli(root.resolve("home"));
        cli.clock = Clock.fixed(Instant.parse("2025-03-20T09:00:00Z"), ZoneOffset.UTC);
    }

    private TestCli.Run migrate(String... extra) {
        String[] args = new String[] {"store", "migrate", "--from", from, "--to", to};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return cli.run(all);
    }

    /** Signs in on a store as the server would; the clock is the one the CLI uses. */
    private SignIn.Result signIn(Path store, String name, String password) {
        TestCli signer = new TestCli(store);
        signer.clock = cli.clock;
        return signer.signIn(name, password);
    }

    @Test
    void anLlmsPyUsersFileMovesWithPasswordsThatStillSignIn() {
        TestCli.Run run = migrate();

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Copied 3 users, 0 sessions, 0 audit events, 0 keys from json:" + llms + " to json:" + gatehouse
                + ".\n", run.out());
        assertEquals("", run.err(), "no progress bar when stderr is not a terminal");
        assertInstanceOf(SignIn.SignedIn.class, signIn(gatehouse, "admin", "correct horse"));
        assertInstanceOf(SignIn.SignedIn.class, signIn(gatehouse, "alice", "correct horse"));
        assertEquals(new SignIn.AccountLocked("On vacation until March"), signIn(gatehouse, "bob", "correct horse"));
    }

    @Test
    void runningItTwiceReportsNothingNew() {
        migrate();
        TestCli.Run again = migrate();

        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("Nothing new to copy from json:" + llms + " to json:" + gatehouse + "; already there: 3 users.\n",
                again.out());
    }

    @Test
    void sessionsAuditEventsAndTheTokenKeyMoveTooSoSignedInPeopleStaySignedIn() {
        SignIn.SignedIn alice = assertInstanceOf(SignIn.SignedIn.class, signIn(llms, "alice", "correct horse"));

        TestCli.Run run = migrate();

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Copied 3 users, 1 session, 1 audit event, 1 key from "), run::toString);
        try (Stores target = JsonStores.open(gatehouse)) {
            ValidateSessionService validate = new ValidateSessionService(target.sessions(), target.users(),
                    new TokenDigests(SecureRandomSource.system(), target.secrets()), SessionPolicy.defaults(), cli.clock);
            assertEquals(alice.session().id(), validate.validate(alice.token()).orElseThrow().session().id());
        }
    }

    @Test
    void aUserChangedInTheSourceSinceTheLastRunIsKeptAsTheTargetHasItUnlessReplacingIsAskedFor() {
        migrate();
        cli.run("--store", from, "user", "lock", "alice", "--reason", "Left"); // and audits that

        TestCli.Run kept = migrate();
        assertTrue(kept.out().startsWith("Copied 0 users, 0 sessions, 1 audit event, 0 keys from "), kept::toString);
        assertTrue(kept.err().contains("1 user differs in the target"), kept::toString);
        assertInstanceOf(SignIn.SignedIn.class, signIn(gatehouse, "alice", "correct horse"));

        TestCli.Run run = migrate("--replace-existing");

        assertTrue(run.out().startsWith("Copied 1 user (1 replaced), "), run::toString);
        assertEquals(new SignIn.AccountLocked("Left"), signIn(gatehouse, "alice", "correct horse"));
    }

    @Test
    void aTargetWithItsOwnTokenKeyGetsNoSessionsAndAWarning() {
        signIn(llms, "alice", "correct horse");
        cli.addUser("carol"); // the CLI's home store; sign in there to give it a token key of its own
        signIn(cli.home, "carol", TestCli.PASSWORD);
        to = "json:" + cli.home;

        TestCli.Run run = migrate();

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Copied 3 users, 0 sessions, 1 audit event, 0 keys from "), run::toString);
        assertTrue(run.out().contains("already there: 1 key."), run::toString);
        assertTrue(run.err().startsWith("gatehouse: warning: The target already has its own token-digest-key"),
                run::toString);
    }

    @Test
    void jsonOutputParsesAndCountsEveryKind() throws IOException {
        TestCli.Run run = migrate("--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("json:" + llms, json.get("from").textValue());
        assertEquals("json:" + gatehouse, json.get("to").textValue());
        assertEquals(3, json.get("users").get("copied").intValue());
        assertEquals(0, json.get("users").get("alreadyPresent").intValue());
        assertEquals(0, json.get("users").get("replaced").intValue());
        for (String kind : new String[] {"sessions", "auditEvents", "keys", "identityLinks"}) {
            assertEquals(0, json.get(kind).get("copied").intValue(), kind);
        }
        assertEquals(0, json.get("warnings").size());
    }

    @Test
    void invitesMoveAndAreCountedOnceAndThenAlreadyThere() {
        Path source = root.resolve("source");
        TestCli owner = new TestCli(source);
        owner.addUser("admin");
        TestCli.Run made = owner.run("invite", "create", "--email", "ida@example.org");
        assertEquals(0, made.exitCode(), made::toString);
        from = "json:" + source;

        TestCli.Run run = migrate();
        TestCli.Run again = migrate();

        assertTrue(run.out().contains(", 1 invite from json:"), run::toString);
        assertTrue(again.out().startsWith("Nothing new to copy") && again.out().contains("1 invite."), again::toString);
        TestCli.Run listed = new TestCli(gatehouse).run("invite", "list");
        assertTrue(listed.out().contains("ida@example.org"), listed::toString);
    }

    @Test
    void identityLinksMoveWithTheirUsersAndAreCountedOnceAndThenAlreadyThere() throws IOException {
        Path source = root.resolve("source");
        TestCli owner = new TestCli(source);
        owner.addUser("admin");
        owner.addUser("alice");
        try (Stores stores = owner.openStore()) {
            stores.identities().insert(new dev.gatehouse.core.model.identities.IdentityLink(
                    dev.gatehouse.core.model.identities.ProviderName.GITHUB, "583231",
                    dev.gatehouse.core.model.accounts.Username.of("alice"), "octocat", java.util.Optional.empty(),
                    Instant.parse("2025-03-15T10:30:00Z"), java.util.Optional.empty()));
        }
        from = "json:" + source;

        TestCli.Run run = migrate();
        TestCli.Run again = migrate("--json");

        assertTrue(run.out().contains(", 1 identity link from json:"), run::toString);
        JsonNode json = new ObjectMapper().readTree(again.out());
        assertEquals(0, json.get("identityLinks").get("copied").intValue(), again::toString);
        assertEquals(1, json.get("identityLinks").get("alreadyPresent").intValue(), again::toString);
        TestCli.Run shown = new TestCli(gatehouse).run("user", "show", "alice");
        assertTrue(shown.out().contains("Sign-in:     password, github:octocat"), shown::toString);
    }

    @Test
    void copyingAStoreIntoItselfIsRefused() {
        to = "json:" + llms + "/../credentials/";

        TestCli.Run run = migrate();

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("gatehouse: --from and --to are the same store (json:" + llms + "); copying a store into itself"
                + " changes nothing. Name the store to copy into with --to.\n", run.err());
    }

    @Test
    void aMissingSourceIsOneLineAndNothingIsCreated() {
        from = "json:" + root.resolve("typo");

        TestCli.Run run = migrate();

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: The store json:" + root.resolve("typo") + " does not exist"),
                run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(Files.notExists(root.resolve("typo")));
        assertTrue(Files.notExists(gatehouse), "the target is not created either");
    }

    @Test
    void aDamagedSourceStopsTheCopyWithOneLineAndExit1() throws IOException {
        Files.writeString(llms.resolve("users.json"), "{\"admin\": ");

        TestCli.Run run = migrate();

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: Copying json:" + llms + " to json:" + gatehouse + " stopped: "),
                run::toString);
        assertTrue(run.err().contains("run the same command again to finish"), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
    }

    @Test
    void fromAndToAreRequired() {
        TestCli.Run run = cli.run("store", "migrate", "--from", from);

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: Missing required option: '--to=URL'"), run::toString);
    }

    @Test
    void aTargetInAnUnsupportedSchemeIsAUsageErrorAndNothingIsCopied() {
        to = "mysql://gate:s3cret@db/gatehouse";

        TestCli.Run run = migrate();

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: The store 'mysql://gate:****@db/gatehouse' uses the scheme 'mysql',"
                + " which this version does not support; use sqlite:PATH"), run::toString);
        assertFalse(run.err().contains("s3cret"), run::toString);
        assertEquals("", run.out());
    }
}
