package dev.gatehouse.cli.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.ScriptedTerminal;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.port.in.SignIn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoveAndPasswdCommandTest {

    @TempDir
    Path home;
    TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(home);
        cli.addUser("admin");
        cli.addUser("alice");
    }

    @Test
    void removingAUserDeletesThemAndEndsTheirSessions() {
        cli.signIn("alice", TestCli.PASSWORD);

        TestCli.Run run = cli.run("user", "remove", "alice");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Removed user 'alice'; ended 1 session.\n", run.out());
        assertInstanceOf(SignIn.Rejected.class, cli.signIn("alice", TestCli.PASSWORD));
    }

    @Test
    void removingSomeoneUnknownIsRefused() {
        TestCli.Run run = cli.run("user", "rm", "zed");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertEquals("gatehouse: cannot remove 'zed': There is no user 'zed'.\n", run.err());
    }

    @Test
    void passwdSetsANewPasswordAndEndsSessions() {
        cli.signIn("alice", TestCli.PASSWORD);

        TestCli.Run run = cli.runWithStdin("another good one\n", "user", "passwd", "alice", "--password-stdin");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Changed the password of 'alice'; ended 1 session.\n", run.out());
        assertInstanceOf(SignIn.Rejected.class, cli.signIn("alice", TestCli.PASSWORD));
        assertInstanceOf(SignIn.SignedIn.class, cli.signIn("alice", "another good one"));
    }

    @Test
    void passwdAsksTwiceOnATerminal() {
        ScriptedTerminal terminal = ScriptedTerminal.typing("another good one", "another good one");
        cli.terminal = terminal;

        assertEquals(0, cli.run("user", "passwd", "alice").exitCode());
        assertEquals(List.of("Password for 'alice': ", "Repeat the password: "), terminal.prompts);
    }

    @Test
    void passwdForSomeoneUnknownIsRefusedBeforeAskingForAPassword() {
        cli.terminal = ScriptedTerminal.typing();

        TestCli.Run run = cli.run("user", "passwd", "zed");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertEquals("gatehouse: cannot change the password of 'zed': There is no user 'zed'.\n", run.err());
    }

    @Test
    void aShortNewPasswordIsRefused() {
        TestCli.Run run = cli.runWithStdin("tiny\n", "user", "passwd", "alice", "--password-stdin");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertEquals("gatehouse: cannot change the password of 'alice': The password is 4 characters long; use at least 15 (a few unrelated words are long enough and easy to remember).\n",
                run.err());
    }
}
