package dev.gatehouse.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code gatehouse serve} in its own process, at debug level with the access log on, taken
 * through setup, sign-in, key minting, an invite, a registration and wrong credentials: everything
 * it writes is read back and searched for every secret it was given or gave out.
 */
class ServerLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("Gatehouse is listening on (http://\\S+)");
    private static final Pattern SETUP_CODE = Pattern.compile("Setup code: (\\S+)");
    private static final String STATIC_KEY = "sk-static-key-for-the-log-test-0123456789";

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process server;
    private Path out;
    private Path err;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void noSecretGivenToOrMadeByTheServerReachesItsLogEvenAtDebugLevel() throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>();
        String base = start("--log-level", "debug", "--access-log", "--registration", "invite");
        String setupCode = setupCode();
        secrets.put("setup code", setupCode);
        secrets.put("static API key", STATIC_KEY);

        String adminPassword = "admin-password-never-logged-7Qx";
        secrets.put("administrator's password", adminPassword);
        HttpResponse<String> setUp = post(base, "/api/setup", null,
                "{\"code\":\"" + setupCode + "\",\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}");
        assertEquals(201, setUp.statusCode(), setUp::body);
        secrets.put("setup session", session(setUp));

        String wrongPassword = "wrong-password-never-logged-4Kd";
        secrets.put("wrong password", wrongPassword);
        assertEquals(401, post(base, "/api/auth/login", null,
                "{\"username\":\"admin\",\"password\":\"" + wrongPassword + "\"}").statusCode());
        HttpResponse<String> signedIn = post(base, "/api/auth/login", null,
                "{\"username\":\"admin\",\"password\":\"" + adminPassword + "\"}");
        assertEquals(200, signedIn.statusCode(), signedIn::body);
        String cookie = session(signedIn);
        secrets.put("session", cookie);

        HttpResponse<String> minted = post(base, "/api/tokens", cookie, "{\"name\":\"laptop\"}");
        assertEquals(201, minted.statusCode(), minted::body);
        String key = JSON.readTree(minted.body()).get("key").asText();
        secrets.put("API key", key);
        assertEquals(200, get(base, "/api/me", "Authorization", "Bearer " + key).statusCode());
        assertEquals(200, get(base, "/api/me", "x-api-key", STATIC_KEY).statusCode());
        assertEquals(200, get(base, "/auth/verify", "Authorization", "Bearer " + key).statusCode());
        String wrongKey = "gate_wrongwrongwrongwrongwrongwrongwrong12";
        secrets.put("wrong API key", wrongKey);
        HttpResponse<String> refused = get(base, "/api/me", "Authorization", "Bearer " + wrongKey);
        assertEquals(401, refused.statusCode());
        // A key sent where it does not belong, in the query: the access log masks it.
        get(base, "/api/me?token=" + key + "&api_key=" + STATIC_KEY, "x-api-key", key);

        HttpResponse<String> invited = post(base, "/api/admin/invites", cookie, "{\"uses\":1}");
        assertEquals(201, invited.statusCode(), invited::body);
        String invite = JSON.readTree(invited.body()).get("code").asText();
        secrets.put("invite code", invite);
        String bobPassword = "bob-password-never-logged-9Wm";
        secrets.put("new user's password", bobPassword);
        HttpResponse<String> registered = post(base, "/api/register", null, "{\"username\":\"bob\",\"password\":\""
                + bobPassword + "\",\"invite\":\"" + invite + "\"}");
        assertEquals(201, registered.statusCode(), registered::body);
        secrets.put("new user's session", session(registered));
        get(base, "/register?invite=" + invite, "Accept", "text/html");

        String newPassword = "changed-password-never-logged-2Ls";
        secrets.put("changed password", newPassword);
        assertEquals(200, post(base, "/api/me/password", cookie, "{\"currentPassword\":\"" + adminPassword
                + "\",\"newPassword\":\"" + newPassword + "\"}").statusCode());

        String log = stopAndReadErr();
        String terminal = Files.readString(out);
        assertTrue(log.contains("DEBUG") && log.contains(" access - POST /api/tokens 201 "), log);
        // The id is looked up when the line is written, on whichever thread writes it.
        assertTrue(log.lines().anyMatch(line -> line.matches(".* access - POST /api/tokens 201 .* \\[[0-9a-f]{16}\\]")),
                () -> linesWith(log, "access - POST /api/tokens"));
        assertTrue(log.contains("user=admin"), log);
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            for (String form : forms(secret.getValue())) {
                assertFalse(log.contains(form), () -> "The " + secret.getKey() + " is in the log:\n" + linesWith(log, form));
                if (!secret.getKey().equals("setup code")) { // the banner shows the setup code to the person starting the server
                    assertFalse(terminal.contains(form), () -> "The " + secret.getKey() + " is on stdout:\n"
                            + linesWith(terminal, form));
                }
            }
        }
    }

    /**
     * The PostgreSQL driver writes its JDBC URL below info, a {@code password=} parameter and all:
     * at trace for everything the database's password still reaches no log. Needs
     * GATEHOUSE_TEST_POSTGRES_URL ({@code .ci/postgres start}); skipped without it, failing under CI=true.
     */
    @Test
    void aDatabasePasswordInTheStoreUrlReachesNoLogEvenAtTrace() throws Exception {
        String given = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
        if (given == null) {
            assertFalse("true".equals(System.getenv("CI")), "CI=true but GATEHOUSE_TEST_POSTGRES_URL is not set");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "GATEHOUSE_TEST_POSTGRES_URL is not set");
        }
        URI uri = URI.create(given);
        String[] admin = uri.getUserInfo().split(":", 2);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
        // A role of the test's own, so its password is a string found nowhere else in the log.
        String role = "gh_logs_" + Long.toHexString(System.nanoTime());
        String password = "pw" + Long.toHexString(Double.doubleToLongBits(Math.random())) + "Zq";
        sql(jdbc, admin, "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'",
                "CREATE SCHEMA " + role + " AUTHORIZATION " + role);
        try {
            String at = uri.getHost() + ":" + uri.getPort() + uri.getPath() + "?currentSchema=" + role;
            for (String store : List.of("postgres://" + role + ":" + password + "@" + at,
                    "postgres://" + role + "@" + at + "&password=" + password)) {
                start("--store", store, "--log-level", "trace");
                String log = stopAndReadErr();
                String terminal = Files.readString(out);
                assertTrue(log.contains("Gatehouse started: ") && log.contains("TRACE"), log);
                assertFalse(log.contains(password), () -> "The database password is in the log:\n" + linesWith(log, password));
                assertFalse(terminal.contains(password), terminal);
            }
        } finally {
            sql(jdbc, admin, "DROP SCHEMA " + role + " CASCADE", "DROP ROLE " + role);
        }
    }

    private static void sql(String jdbc, String[] credentials, String... statements) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(jdbc, credentials[0], credentials[1]);
             var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Test
    void jsonLinesCarryTheRequestIdThatTheErrorAnswerShows() throws Exception {
        String base = start("--log-format", "json", "--access-log");
        HttpResponse<String> refused = get(base, "/api/me", "Authorization", "Bearer gate_nosuchkeynosuchkeynosuchkey00");
        String id = refused.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals(id, JSON.readTree(refused.body()).get("request_id").asText(), refused::body);

        String log = stopAndReadErr();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.lines().toList()) {
            lines.add(JSON.readTree(line)); // every line is one JSON object, or this throws
        }
        JsonNode access = lines.stream().filter(l -> l.path("logger").asText().equals("gatehouse.access")
                && id.equals(l.path("request_id").asText())).findFirst().orElseThrow(() -> new AssertionError(log));
        assertEquals("GET", access.get("method").asText());
        assertEquals("/api/me", access.get("path").asText());
        assertEquals(refused.statusCode(), access.get("status").asInt());
        assertTrue(lines.stream().anyMatch(l -> l.path("message").asText().startsWith("Gatehouse started: ")
                && l.path("auth").asText().equals("auto")), log);
    }

    @Test
    void withoutTheAccessLogRequestsWriteNoLinesButStartUpIsStillReported() throws Exception {
        String base = start();
        assertEquals(200, get(base, "/healthz", "Accept", "application/json").statusCode());
        String log = stopAndReadErr();
        assertTrue(log.contains("Gatehouse started: listening on 127.0.0.1:"), log);
        assertFalse(log.contains(" access - "), log);
        assertFalse(log.contains("DEBUG"), log);
    }

    private static String linesWith(String text, String secret) {
        List<String> found = new ArrayList<>();
        for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            found.add("..." + text.substring(Math.max(0, at - 300), Math.min(text.length(), at + secret.length() + 100)));
        }
        return String.join("\n", found);
    }

    /** The secret as sent, and as it would look percent-encoded or in a JSON string. */
    private static List<String> forms(String secret) {
        return List.of(secret, java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8), secret.replace("-", ""));
    }

    private String start(String... options) throws IOException {
        out = home.resolve("stdout.txt");
        err = home.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.gatehouse.cli.Gatehouse",
                "--home", home.toString(), "serve", "--port", "0"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("GATEHOUSE_API_KEYS", STATIC_KEY);
        List.of("GATEHOUSE_STORE", "GATEHOUSE_LOG_LEVEL", "GATEHOUSE_LOG_FORMAT", "GATEHOUSE_ACCESS_LOG", "GATEHOUSE_AUTH")
                .forEach(builder.environment()::remove);
        server = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && server.isAlive()) {
            Matcher listening = LISTENING.matcher(Files.readString(out));
            if (listening.find() && Files.readString(out).contains("Store: ")) {
                return listening.group(1);
            }
            sleep();
        }
        throw new AssertionError("serve did not start:\n" + Files.readString(out) + Files.readString(err));
    }

    private String setupCode() throws IOException {
        Matcher code = SETUP_CODE.matcher(Files.readString(out));
        assertTrue(code.find(), () -> "no setup code on stdout");
        return code.group(1);
    }

    /** Stops the server as a service manager would (SIGTERM) and returns all it wrote to stderr. */
    private String stopAndReadErr() throws IOException, InterruptedException {
        server.destroy();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "serve did not stop");
        return Files.readString(err);
    }

    private HttpResponse<String> post(String base, String path, String cookie, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", "gatehouse_session=" + cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String base, String path, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The session token from the answer's Set-Cookie. */
    private static String session(HttpResponse<String> response) {
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("gatehouse_session=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
        return cookie.substring("gatehouse_session=".length(), cookie.indexOf(';'));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
