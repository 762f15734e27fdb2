package dev.gatehouse.cli;

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
 * Runs the real {@code ./gatehouse} script and jar as a person would. Runs after {@code package}
 * (failsafe), with {@code GATEHOUSE_NO_BUILD=1} so the script never starts a nested Maven build.
 */
class LauncherIT {

    private static final Path REPO = Path.of(System.getProperty("gatehouse.repo", "..")).toAbsolutePath().normalize();

    @TempDir
    Path home;
    @TempDir
    Path io;

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Test
    void helpExitsZero() throws Exception {
        Result result = gatehouse(null, "--help");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("Usage: gatehouse"), result::toString);
    }

    @Test
    void javaOptionsThatNameACollectorOrHeapWinOverTheLaunchersOwn() throws Exception {
        // The launcher picks the serial GC itself; a second collector would stop the JVM at start.
        for (String options : List.of("-XX:+UseG1GC", "-XX:+UseParallelGC -Xmx300m")) {
            Result result = gatehouseWithJavaOptions(options, "--version");

            assertEquals(0, result.exitCode(), () -> options + ": " + result);
        }
    }

    @Test
    void anAdministratorCanBeAddedListedAndNotLocked() throws Exception {
        Result added = gatehouse("correct horse battery\n", "user", "add", "admin", "--password-stdin");
        assertEquals(0, added.exitCode(), added::toString);
        assertEquals("Created user 'admin' with the Admin role.\n", added.out());

        Result listed = gatehouse(null, "user", "list");
        assertEquals(0, listed.exitCode(), listed::toString);
        assertTrue(listed.out().lines().anyMatch(line -> line.startsWith("admin") && line.contains("Admin")),
                listed::toString);

        Result locked = gatehouse(null, "user", "lock", "admin");
        assertEquals(1, locked.exitCode(), locked::toString);
        assertEquals("gatehouse: cannot lock 'admin': 'admin' is an administrator; administrators cannot be locked.\n",
                locked.err());
    }

    @Test
    void anUnknownCommandExitsTwo() throws Exception {
        Result result = gatehouse(null, "frobnicate");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("gatehouse: Unmatched argument"), result::toString);
    }

    @Test
    void serveAnswersSignInOverHttpAndTheCliSeesTheSameStore() throws Exception {
        gatehouse("correct horse battery\n", "user", "add", "admin", "--password-stdin");
        Process server = serve();
        try {
            String base = startMessage(server).base();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> health = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "/healthz")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            java.net.http.HttpResponse<String> login = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(base + "/api/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"admin\",\"password\":\"correct horse battery\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            assertTrue(login.headers().firstValue("Set-Cookie").orElse("").startsWith("gatehouse_session="));
            assertTrue(gatehouse(null, "user", "list").out().contains("127.0.0.1"), "the CLI sees the sign-in");
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void serveOnAFreshHomeStartsInSetupModeAndTheCodeItPrintsMakesTheFirstAdmin() throws Exception {
        Process server = serve();
        try {
            StartMessage start = startMessage(server);
            String base = start.base();
            String code = null;
            String url = null;
            int qrRows = 0;
            for (String line : start.lines()) {
                if (line.contains("Setup code: ")) {
                    code = line.substring(line.indexOf("Setup code: ") + "Setup code: ".length()).strip();
                } else if (line.strip().startsWith(base + "/setup#code=")) {
                    url = line.strip();
                } else if (line.contains("\u2588")) {
                    qrRows++;
                }
            }
            assertTrue(code != null && code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"), "code: " + code);
            assertEquals(base + "/setup#code=" + code, url);
            assertTrue(qrRows > 10, "a QR code is drawn: " + qrRows + " rows");
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> setup = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(base + "/api/setup"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code
                            + "\",\"username\":\"admin\",\"password\":\"correct horse battery\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, setup.statusCode(), setup.body());
            assertTrue(gatehouse(null, "user", "list").out().contains("admin"), "the CLI sees the new admin");
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void serveWithPairPrintsALinkAndQrCodeCarryingANarrowShortLivedKeyAndTheNextPairingRevokesIt() throws Exception {
        gatehouse("correct horse battery\n", "user", "add", "admin", "--password-stdin");
        String firstKey = null;
        for (int round = 0; round < 2; round++) {
            Process server = serve("--pair");
            try {
                StartMessage start = startMessage(server);
                String base = start.base();
                String link = null;
                String note = null;
                int qrRows = 0;
                for (String line : start.lines()) {
                    if (line.startsWith("Pair a phone or app as 'admin'")) {
                        note = line;
                    } else if (line.strip().startsWith(base + "/#token=")) {
                        link = line.strip();
                    } else if (line.contains("\u2588")) {
                        qrRows++;
                    }
                }
                assertTrue(note != null && note.contains("'pairing-") && note.contains("10m") && note.contains("only use models"),
                        "the pairing note: " + note);
                assertTrue(link != null && link.matches(java.util.regex.Pattern.quote(base) + "/#token=gate_[0-9A-Za-z]{49}"),
                        "link: " + link);
                assertTrue(qrRows > 10, "a QR code is drawn: " + qrRows + " rows");
                String key = link.substring(link.indexOf("#token=") + "#token=".length());
                assertEquals(200, verify(base, key), "the pairing key works for the AI server");
                if (firstKey != null) {
                    assertEquals(401, verify(base, firstKey), "the new pairing revoked the key of the one before");
                }
                firstKey = key;
            } finally {
                server.destroy();
                server.waitFor(20, TimeUnit.SECONDS);
            }
        }
        Result listed = gatehouse(null, "token", "list", "--user", "admin", "--json");
        assertTrue(listed.out().contains("models:*") && listed.out().contains("pairing-"), listed::toString);
    }

    /** The status of {@code GET /auth/verify} with {@code key}, as a reverse proxy asks it. */
    /** The check a proxy makes for a chat completion with llama-3, with {@code key}. */
    private static int verify(String base, String key) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/auth/verify"))
                        .header("X-Forwarded-Uri", "/v1/chat/completions?model=llama-3")
                        .header("Authorization", "Bearer " + key).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void serveWithoutPairPrintsNoPairingLinkAndMakesNoKey() throws Exception {
        gatehouse("correct horse battery\n", "user", "add", "admin", "--password-stdin");
        Process server = serve();
        try {
            StringBuilder shown = new StringBuilder();
            for (String line : startMessage(server).lines()) {
                shown.append(line).append('\n');
            }
            assertTrue(!shown.toString().contains("#token=") && !shown.toString().contains("\u2588"), shown::toString);
            assertTrue(gatehouse(null, "token", "list").out().startsWith("No API keys yet"));
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** What {@code serve} printed: the base URL from its first line, and the lines up to "Store: ". */
    private record StartMessage(String base, List<String> lines) {
    }

    private static StartMessage startMessage(Process server) throws IOException {
        java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertTrue(first != null && first.startsWith("Gatehouse is listening on http://127.0.0.1:"), first);
        String base = first.substring("Gatehouse is listening on ".length(), first.indexOf(" (auth auto)"));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("Store: ")) {
            lines.add(line);
        }
        return new StartMessage(base, lines);
    }

    /** {@code ./gatehouse serve} on a free port and the test's home; its log (stderr) goes to a file beside. */
    private Process serve(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("gatehouse").toString(), "serve", "--port", "0"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(REPO.toFile()).redirectError(io.resolve("serve-log.txt").toFile());
        builder.environment().put("GATEHOUSE_HOME", home.toString());
        builder.environment().put("GATEHOUSE_NO_BUILD", "1");
        builder.environment().remove("GATEHOUSE_STORE");
        return builder.start();
    }

    private Result gatehouse(String stdin, String... args) throws IOException, InterruptedException {
        return run(null, stdin, args);
    }

    private Result gatehouseWithJavaOptions(String javaOptions, String... args) throws IOException, InterruptedException {
        return run(javaOptions, null, args);
    }

    private Result run(String javaOptions, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("gatehouse").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile());
        builder.environment().put("GATEHOUSE_HOME", home.toString());
        builder.environment().put("GATEHOUSE_NO_BUILD", "1");
        builder.environment().remove("GATEHOUSE_STORE");
        if (javaOptions != null) {
            builder.environment().put("GATEHOUSE_JAVA_OPTS", javaOptions);
        } else {
            builder.environment().remove("GATEHOUSE_JAVA_OPTS");
        }
        Path out = Files.createTempFile(io, "out", ".txt");
        Path err = Files.createTempFile(io, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try (var input = process.getOutputStream()) {
            if (stdin != null) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./gatehouse " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
