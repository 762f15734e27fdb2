package dev.gatehouse.cli.invite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.registration.RegisterService;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.crypto.PasswordHashers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** gatehouse invite create/list/revoke and user approve/reject, on JSON and SQLite stores. */
class InviteAndApprovalCommandTest {

    static final String PASSWORD = "plum-tulip-ferry-42";

    @TempDir
    Path home;

    private static Register.Result register(TestCli cli, Stores stores, RegistrationMode mode, String name, String code) {
        Clock clock = cli.environment().clock();
        return new RegisterService(stores.users(), stores.sessions(), stores.invites(), PasswordHashers.standard(),
                PasswordPolicy.defaults(), new TokenDigests(SecureRandomSource.system(), stores.secrets()),
                new RegistrationRules(mode, Optional.empty()), SignInThrottle.off(),
                new AuditTrail(stores.audit(), clock), clock)
                .register(new Register.Command(name, Password.of(PASSWORD), Optional.empty(), Optional.ofNullable(code),
                        "192.0.2.1"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anInviteLinkIsPrintedOnceWorksOnceAndIsListedWithWhoUsedIt(boolean json) {
        TestCli cli = new TestCli(home, json);
        TestCli.Run created = cli.run("invite", "create", "--uses", "1", "--expires", "2d",
                "--base-url", "https://ai.example.org/");
        assertEquals(0, created.exitCode(), created::toString);
        Matcher link = Pattern.compile("https://ai\\.example\\.org/register\\?invite=(inv_\\w+)").matcher(created.out());
        assertTrue(link.find(), created.out());
        try (Stores stores = cli.openStore()) {
            Register.Result result = register(cli, stores, RegistrationMode.INVITE, "carol", link.group(1));
            assertInstanceOf(Register.Registered.class, result, result::toString);
        }
        TestCli.Run listed = cli.run("invite", "list");
        assertTrue(listed.out().contains("Used") && listed.out().contains("carol"), listed::toString);
        assertTrue(!listed.out().contains(link.group(1)), "the code is never listed");
        String id = listed.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        TestCli.Run revoke = cli.run("invite", "revoke", id);
        assertEquals(ExitCodes.REFUSED, revoke.exitCode(), revoke::toString);
        assertTrue(revoke.err().contains("used up"), revoke.err());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void approvingLetsAPendingUserSignInAndRejectingDeletesThem(boolean json) {
        TestCli cli = new TestCli(home, json);
        try (Stores stores = cli.openStore()) {
            register(cli, stores, RegistrationMode.APPROVAL, "bob", null);
            register(cli, stores, RegistrationMode.APPROVAL, "eve", null);
        }
        assertTrue(cli.run("user", "list").out().contains("Pending"));
        assertInstanceOf(SignIn.AwaitingApproval.class, cli.signIn("bob", PASSWORD));
        assertEquals(0, cli.run("user", "approve", "bob").exitCode());
        assertInstanceOf(SignIn.SignedIn.class, cli.signIn("bob", PASSWORD));
        TestCli.Run rejected = cli.run("user", "reject", "eve");
        assertEquals("Rejected user 'eve'; the pending account is deleted.\n", rejected.out());
        TestCli.Run again = cli.run("user", "reject", "bob");
        assertEquals(ExitCodes.REFUSED, again.exitCode());
        try (Stores stores = cli.openStore()) {
            assertTrue(stores.users().find(dev.gatehouse.core.model.accounts.Username.of("eve")).isEmpty());
            assertEquals(UserStatus.ACTIVE, stores.users().find(dev.gatehouse.core.model.accounts.Username.of("bob"))
                    .orElseThrow().status());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"invite", "invite create", "invite list", "invite revoke", "user approve", "user reject"})
    void everyNewCommandHasHelp(String command) {
        String[] args = (command + " --help").split(" ");
        TestCli.Run help = new TestCli(home).run(args);
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().contains("Usage: gatehouse " + command), help.out());
    }
}
