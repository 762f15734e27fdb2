package dev.gatehouse.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.testing.TestCli;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command explains itself with an example. */
class HelpTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"", "user", "user add", "user list", "user lock", "user unlock", "user passwd", "user remove",
                            "store", "store migrate", "token", "token create", "token list", "token revoke", "token rename",
                            "token import", "user role", "audit", "user permissions", "user approve", "user reject",
                            "invite", "invite create", "invite list", "invite revoke", "user show", "user unlink"})
    void everyCommandsHelpShowsAnExample(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";

        TestCli.Run run = new TestCli(home).run(args);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Usage: gatehouse" + (command.isEmpty() ? "" : " " + command)), run::toString);
        assertTrue(run.out().contains("Example"), run::toString);
        assertTrue(run.out().contains("  gatehouse "), run::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--adduser", "--removeuser", "--listusers", "--lockuser", "--unlockuser", "Exit codes"})
    void theRootHelpListsLlmsPySpellingsAndExitCodes(String text) {
        assertTrue(new TestCli(home).run("--help").out().contains(text));
    }

    @ParameterizedTest
    @CsvSource({"user help add, gatehouse user add", "help user, gatehouse user"})
    void theHelpCommandWorksToo(String command, String usage) {
        TestCli.Run run = new TestCli(home).run(command.split(" "));

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Usage: " + usage + " "), run::toString);
    }
}
