package dev.gatehouse.http.api.audit;

import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/admin/audit}: administrators read what happened, filtered, as JSON or JSON lines. */
class AdminAuditTest {

    static final String PASSWORD = "correct horse battery";
    static RunningServer app;
    static String root;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addAdmin("root", PASSWORD);
        app.addUser("bob", PASSWORD);
        app.addUser("cy", PASSWORD);
        root = app.signIn("root", PASSWORD);
        HttpResponse<String> wrong = app.json("POST", "/api/auth/login",
                "{\"username\":\"bob\",\"password\":\"not-bobs-secret-password\"}", null);
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals(200, app.json("POST", "/api/admin/users/bob/lock", "{\"reason\":\"away\"}", root).statusCode());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAdministratorReadsAUsersEventsNewestFirstWithActorAddressAndOutcome() {
        HttpResponse<String> read = app.json("GET", "/api/admin/audit?user=bob&since=1h", null, root);

        assertEquals(200, read.statusCode(), read.body());
        JsonNode events = json(read).path("events");
        assertEquals(3, events.size(), read.body());
        JsonNode lock = events.get(0);
        assertEquals("user.lock", lock.path("action").asText());
        assertEquals("root", lock.path("actor").asText());
        assertEquals("bob", lock.path("target").asText());
        assertEquals("127.0.0.1", lock.path("ip").asText());
        assertEquals("success", lock.path("outcome").asText());
        assertEquals("away", lock.path("details").path("lock_reason").asText());
        assertEquals("auth.sign_in", events.get(1).path("action").asText());
        assertEquals("failure", events.get(1).path("outcome").asText());
        assertEquals("user.create", events.get(2).path("action").asText());
        assertFalse(read.body().contains("not-bobs-secret-password"), "no password in the log");
        assertEquals(1, json(app.json("GET", "/api/admin/audit?limit=1", null, root)).path("events").size());
    }

    @Test
    void jsonLinesAreOneEventPerLineOldestFirstForExport() throws Exception {
        HttpResponse<String> export = app.json("GET", "/api/admin/audit?format=jsonl", null, root);

        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));
        List<String> lines = export.body().lines().toList();
        ObjectMapper mapper = new ObjectMapper();
        List<String> times = lines.stream().map(line -> {
            try {
                return mapper.readTree(line).path("at").asText();
            } catch (Exception e) {
                throw new AssertionError("not one JSON object: " + line, e);
            }
        }).toList();
        assertTrue(lines.size() >= 5, export.body());
        assertEquals(times.stream().sorted().toList(), times, "oldest first");
    }

    @Test
    void othersAreRefusedAndBadFiltersAreNamed() {
        String cy = app.signIn("cy", PASSWORD);
        assertEquals(403, app.json("GET", "/api/admin/audit", null, cy).statusCode());
        assertEquals(401, app.json("GET", "/api/admin/audit", null, null).statusCode());
        HttpResponse<String> since = app.json("GET", "/api/admin/audit?since=yesterday", null, root);
        assertEquals(400, since.statusCode());
        assertTrue(json(since).path("message").asText().contains("a duration back from now (30m, 12h, 7d)"), since.body());
        assertEquals(400, app.json("GET", "/api/admin/audit?limit=0", null, root).statusCode());
        assertEquals(400, app.json("GET", "/api/admin/audit?format=xml", null, root).statusCode());
        assertEquals(400, app.json("GET", "/api/admin/audit?limit=100001", null, root).statusCode());
    }
}
