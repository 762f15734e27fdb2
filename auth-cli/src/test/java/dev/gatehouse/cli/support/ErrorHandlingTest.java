package dev.gatehouse.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.Gatehouse;
import dev.gatehouse.cli.testing.ScriptedTerminal;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.cli.wiring.CliEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Expected problems give one line and an exit code; only --verbose shows stack traces. */
class ErrorHandlingTest {

    @TempDir
    Path home;

    @Test
    void aCorruptStoreFileIsOneLineAndExitCode1() throws Exception {
        Files.writeString(home.resolve("users.json"), "{ this is not json");

        TestCli.Run run = new TestCli(home).run("user", "list");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: "), run::toString);
        assertTrue(run.err().contains("users.json"), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
    }

    @Test
    void anUnexpectedErrorIsOneLineWithAHintAndExitCode3() {
        TestCli.Run run = runWithBrokenHasher("user", "list");

        assertEquals(ExitCodes.INTERNAL, run.exitCode(), run::toString);
        assertEquals("gatehouse: unexpected error: java.lang.IllegalStateException: no hasher today"
                + " (run again with --verbose to see the stack trace)\n", run.err());
    }

    @Test
    void verboseShowsTheStackTrace() {
        TestCli.Run run = runWithBrokenHasher("user", "list", "--verbose");

        assertEquals(ExitCodes.INTERNAL, run.exitCode(), run::toString);
        assertTrue(run.err().contains("\tat "), run::toString);
        assertFalse(run.err().contains("run again with --verbose"), run::toString);
    }

    @Test
    void logRecordsBecomeOneShortLine() {
        java.util.logging.LogRecord record = new java.util.logging.LogRecord(java.util.logging.Level.WARNING,
                "Stored hash for {0} is\nmalformed");
        record.setParameters(new Object[] {"bob"});

        assertEquals("gatehouse: warning: Stored hash for bob is malformed" + System.lineSeparator(),
                new CliLogging.OneLine().format(record));
    }

    private TestCli.Run runWithBrokenHasher(String... args) {
        CliEnvironment environment = new CliEnvironment(Map.of("GATEHOUSE_HOME", home.toString()),
                ScriptedTerminal.piped(""), Clock.fixed(TestCli.NOW, ZoneOffset.UTC), ZoneOffset.UTC, "/home/tester",
                () -> {
                    throw new IllegalStateException("no hasher today");
                });
        CommandLine commandLine = Gatehouse.commandLine(environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new TestCli.Run(commandLine.execute(args), out.toString(), err.toString());
    }
}
