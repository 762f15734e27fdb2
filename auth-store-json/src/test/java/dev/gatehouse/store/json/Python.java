package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a check with python3, when this machine has one: llms.py's own json module is the judge. */
final class Python {

    private Python() {
    }

    /** The script's output, or empty when python3 is not installed; fails the test if the script fails. */
    static Optional<String> run(String script, Path argument) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-c", script, argument.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("python3 did not finish within 30 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "python3 rejected " + argument + ":\n" + output);
        return Optional.of(output);
    }
}
