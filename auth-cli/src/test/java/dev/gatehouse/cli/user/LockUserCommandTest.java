package dev.gatehouse.cli.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.ScriptedTerminal;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.port.in.SignIn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockUserCommandTest {

    @TempDir
    Path home;
    TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(home);
        cli.addUser("admin");
        cli.addUser("bob");
    }

    @Test
    void lockingAUserEndsTheirSessionsAndStopsTheirSignIn() {
        cli.signIn("bob", TestCli.PASSWORD);
        cli.signIn("bob", TestCli.PASSWORD);

        TestCli.Run run = cli.run("user", "lock", "bob", "--reason", "On vacation until March");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Locked user 'bob' (On vacation until March); ended 2 sessions.\n", run.out());
        SignIn.AccountLocked locked = assertInstanceOf(SignIn.AccountLocked.class, cli.signIn("bob", TestCli.PASSWORD));
        assertEquals("On vacation until March", locked.reason());
    }

    @Test
    void lockingAnAdministratorIsRefusedWithOneLineAndExitCode1() {
        TestCli.Run run = cli.run("user", "lock", "admin", "--reason", "no");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertEquals("gatehouse: cannot lock 'admin': 'admin' is an administrator; administrators cannot be locked.\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void lockingSomeoneUnknownIsRefused() {
        TestCli.Run run = cli.run("user", "lock", "zed", "--reason", "why");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertEquals("gatehouse: cannot lock 'zed': There is no user 'zed'.\n", run.err());
    }

    @Test
    void onATerminalTheReasonIsAskedWithTheDefaultOffered() {
        ScriptedTerminal terminal = ScriptedTerminal.typing("");
        cli.terminal = terminal;

        TestCli.Run run = cli.run("user", "lock", "bob");

        assertEquals(List.of("Reason [Account suspended]: "), terminal.prompts);
        assertEquals("Locked user 'bob' (Account suspended); no sessions to end.\n", run.out());
    }

    @Test
    void aTypedReasonIsKept() {
        cli.terminal = ScriptedTerminal.typing("Left the team");

        assertEquals("Locked user 'bob' (Left the team); no sessions to end.\n", cli.run("user", "lock", "bob").out());
    }

    @Test
    void withoutATerminalTheDefaultReasonIsUsed() {
        assertEquals("Locked user 'bob' (Account suspended); no sessions to end.\n", cli.run("user", "lock", "bob").out());
    }

    @Test
    void lockWithoutANameListsUsersWithTheirLockStatus() {
        cli.run("user", "lock", "bob", "--reason", "On vacation until March");

        TestCli.Run run = cli.run("user", "lock");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("Locked: On vacation until March"), run::toString);
        assertTrue(run.out().contains("\nadmin     Admin, User  Active "), run::toString);
    }

    @Test
    void unlockingLetsTheUserSignInAgain() {
        cli.run("user", "lock", "bob");

        TestCli.Run run = cli.run("user", "unlock", "bob");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Unlocked user 'bob'.\n", run.out());
        assertInstanceOf(SignIn.SignedIn.class, cli.signIn("bob", TestCli.PASSWORD));
    }

    @Test
    void unlockingAnActiveUserSucceedsAndSaysSo() {
        TestCli.Run run = cli.run("user", "unlock", "bob");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("User 'bob' was not locked; nothing changed.\n", run.out());
    }

    @Test
    void unlockingSomeoneUnknownIsRefused() {
        TestCli.Run run = cli.run("user", "unlock", "zed");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertEquals("gatehouse: cannot unlock 'zed': There is no user 'zed'.\n", run.err());
    }
}
