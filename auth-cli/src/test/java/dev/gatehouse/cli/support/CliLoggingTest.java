package dev.gatehouse.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command run in its own process, as a person runs it, says only its own words: the store's
 * connection pool and migrations (which log through Logback) stay silent unless {@code --verbose}.
 */
class CliLoggingTest {

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void addingAUserToANewStorePrintsOnlyTheCommandsOwnLine() throws Exception {
        Run added = gatehouse("correct horse battery\n", "user", "add", "admin", "--password-stdin");

        assertEquals(0, added.exitCode(), added::toString);
        assertEquals("Created user 'admin' with the Admin role.\n", added.out());
        assertEquals("", added.err());
    }

    @Test
    void verboseShowsWhatTheLibrariesDo() throws Exception {
        Run listed = gatehouse(null, "--verbose", "user", "list");

        assertEquals(0, listed.exitCode(), listed::toString);
        assertTrue(listed.err().lines().anyMatch(line -> line.startsWith("gatehouse: INFO ")
                && (line.contains("Hikari") || line.contains("Flyway") || line.contains("Db"))), listed::toString);
    }

    private Run gatehouse(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.gatehouse.cli.Gatehouse",
                "--home", home.toString()));
        command.addAll(List.of(args));
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        List.of("GATEHOUSE_STORE", "GATEHOUSE_LOG_LEVEL", "GATEHOUSE_LOG_FORMAT").forEach(builder.environment()::remove);
        Process process = builder.start();
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gatehouse " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
