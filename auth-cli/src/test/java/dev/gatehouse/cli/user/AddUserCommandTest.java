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

class AddUserCommandTest {

    @TempDir
    Path home;
    TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(home);
    }

    @Test
    void addingAUserLetsThemSignInWithThatPassword() {
        cli.addUser("admin");
        TestCli.Run run = cli.addUser("alice");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Created user 'alice'.\n", run.out());
        assertEquals("", run.err());
        assertInstanceOf(SignIn.SignedIn.class, cli.signIn("alice", TestCli.PASSWORD));
    }

    @Test
    void theFirstUserAndTheNameAdminBecomeAdministrators() {
        assertEquals("Created user 'carol' with the Admin role.\n", cli.addUser("carol").out());
        assertEquals("Created user 'admin' with the Admin role.\n", cli.addUser("admin").out());
        assertEquals("Created user 'dave'.\n", cli.addUser("dave").out());
        assertEquals("Created user 'erin' with the Admin role.\n", cli.addUser("erin", "--admin").out());
    }

    @Test
    void reAddingAUserReplacesTheirPasswordAndEndsTheirSessions() {
        cli.addUser("admin");
        cli.addUser("alice");
        assertInstanceOf(SignIn.SignedIn.class, cli.signIn("alice", TestCli.PASSWORD));

        TestCli.Run run = cli.runWithStdin("a brand new secret\n", "user", "add", "alice", "--password-stdin");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("User 'alice' already exists. Updating password.\n"
                + "Updated the password of 'alice'; ended 1 session.\n", run.out());
        assertInstanceOf(SignIn.Rejected.class, cli.signIn("alice", TestCli.PASSWORD));
        assertInstanceOf(SignIn.SignedIn.class, cli.signIn("alice", "a brand new secret"));
    }

    @Test
    void onATerminalThePasswordIsAskedTwice() {
        ScriptedTerminal terminal = ScriptedTerminal.typing(TestCli.PASSWORD, TestCli.PASSWORD);
        cli.terminal = terminal;

        TestCli.Run run = cli.run("user", "add", "alice");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("Password for 'alice': ", "Repeat the password: "), terminal.prompts);
        assertInstanceOf(SignIn.SignedIn.class, cli.signIn("alice", TestCli.PASSWORD));
    }

    @Test
    void twoDifferentPasswordsAtThePromptAreAUsageErrorAndChangeNothing() {
        cli.terminal = ScriptedTerminal.typing("first password", "second password");

        TestCli.Run run = cli.run("user", "add", "alice");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("gatehouse: The two passwords differ; nothing was changed. Run the command again.\n", run.err());
        assertEquals("[]\n", cli.run("user", "list", "--json").out());
    }

    @Test
    void withoutATerminalItSaysHowToPipeThePassword() {
        TestCli.Run run = cli.run("user", "add", "alice", "--admin");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("gatehouse: There is no terminal to ask for the password of 'alice';"
                + " pipe it in instead: echo \"$PASSWORD\" | gatehouse user add alice --admin --password-stdin.\n",
                run.err());
    }

    @Test
    void emptyStandardInputIsAUsageError() {
        TestCli.Run run = cli.runWithStdin("", "user", "add", "alice", "--password-stdin");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: No password on standard input;"), run::toString);
    }

    @Test
    void onlyTheLineEndIsRemovedFromAPipedPassword() {
        cli.runWithStdin("  spaced out pass \r\nsecond line\n", "user", "add", "alice", "--password-stdin");

        assertInstanceOf(SignIn.SignedIn.class, cli.signIn("alice", "  spaced out pass "));
    }

    @Test
    void aShortPasswordIsRefusedByCoreWithExitCode1() {
        TestCli.Run run = cli.runWithStdin("short\n", "user", "add", "alice", "--password-stdin");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertEquals("gatehouse: cannot add 'alice': The password is 5 characters long; use at least 15 (a few unrelated words are long enough and easy to remember).\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void anInvalidUsernameIsAUsageError() {
        TestCli.Run run = cli.addUser("../etc");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("contains '/'"), run::toString);
        assertTrue(run.err().contains("Try 'gatehouse user add --help'"), run::toString);
    }
}
