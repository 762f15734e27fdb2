package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.ScriptedTerminal;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.port.in.SignIn;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** llms.py's option spellings do what the matching {@code user} commands do. */
class LlmsPySpellingsTest {

    @TempDir
    Path home;
    TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(home);
    }

    @Test
    void adduserCreatesAndThenUpdatesAUser() {
        TestCli.Run created = cli.runWithStdin(TestCli.PASSWORD + "\n", "--adduser", "admin", "--password-stdin");
        TestCli.Run updated = cli.runWithStdin("the second password\n", "--adduser", "admin", "--password-stdin");

        assertEquals("Created user 'admin' with the Admin role.\n", created.out());
        assertEquals("User 'admin' already exists. Updating password.\n"
                + "Updated the password of 'admin' (Admin); no sessions to end.\n", updated.out());
        assertInstanceOf(SignIn.SignedIn.class, cli.signIn("admin", "the second password"));
    }

    @Test
    void adduserWithoutATerminalPointsToThePipe() {
        TestCli.Run run = cli.run("--adduser", "alice");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("| gatehouse --adduser alice --password-stdin."), run::toString);
    }

    @Test
    void listusersPrintsLlmsPysFormat() {
        cli.addUser("admin");
        cli.addUser("alice");
        cli.addUser("bob");
        cli.run("--lockuser", "bob");

        TestCli.Run run = cli.run("--listusers");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("  admin  (created: 2025-03-15 10:30:00)\n"
                + "  alice  (created: 2025-03-15 10:30:00)\n"
                + "  bob    (created: 2025-03-15 10:30:00)  LOCKED: Account suspended\n", run.out());
    }

    @Test
    void lockuserWithoutANameListsUsersWithTheirLockStatus() {
        cli.addUser("admin");
        cli.addUser("bob");
        cli.run("user", "lock", "bob", "--reason", "On vacation until March");

        TestCli.Run run = cli.run("--lockuser");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("  bob    (created: 2025-03-15 10:30:00)  LOCKED: On vacation until March\n"),
                run::toString);
    }

    @Test
    void lockuserAndUnlockuserLockAndUnlock() {
        cli.addUser("admin");
        cli.addUser("bob");
        cli.terminal = ScriptedTerminal.typing("On vacation until March");

        assertEquals("Locked user 'bob' (On vacation until March); no sessions to end.\n",
                cli.run("--lockuser", "bob").out());
        assertEquals("Unlocked user 'bob'.\n", cli.run("--unlockuser", "bob").out());
    }

    @Test
    void lockuserRefusesAnAdministrator() {
        cli.addUser("admin");

        TestCli.Run run = cli.run("--lockuser", "admin");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertEquals("gatehouse: cannot lock 'admin': 'admin' is an administrator; administrators cannot be locked.\n",
                run.err());
    }

    @Test
    void removeuserRemoves() {
        cli.addUser("admin");
        cli.addUser("alice");

        assertEquals("Removed user 'alice'; no sessions to end.\n", cli.run("--removeuser", "alice").out());
        assertEquals(ExitCodes.REFUSED, cli.run("--removeuser", "alice").exitCode());
    }

    @Test
    void twoLlmsPyOptionsAtOnceAreAUsageError() {
        TestCli.Run run = cli.run("--listusers", "--removeuser", "alice");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("mutually exclusive"), run::toString);
    }

    @Test
    void anLlmsPyOptionWithACommandIsAUsageError() {
        TestCli.Run run = cli.run("--listusers", "user", "list");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: llms.py's options"), run::toString);
    }
}
