package dev.gatehouse.http.pages;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.http.api.sessions.AdminCookie;
import dev.gatehouse.http.api.sessions.ImpersonationTest;
import dev.gatehouse.http.testing.PostgresSchema;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.SessionCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 6 as an operator lives it, through the API alone, on SQLite and on PostgreSQL: a user
 * registers (waiting for approval, or with an invite), is approved, is given {@code chat} and
 * {@code llama-*} only, mints a key scoped to one model that is refused for another, is
 * impersonated by the administrator, and every step reads back from the audit log in order.
 */
class GovernanceStoryTest {

    static final String ALICE_PASSWORD = "plum-tulip-ferry-42";
    static final String ROOT_PASSWORD = "amber-kettle-river-9";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aPendingUserIsApprovedGivenChatAndLlamaScopedImpersonatedAndAudited(String database) throws Exception {
        try (Database db = Database.fresh(database); RunningServer app = server(db.storeUrl, RegistrationMode.APPROVAL)) {
            HttpResponse<String> registered = register(app, null);
            assertEquals(202, registered.statusCode(), registered.body());
            assertTrue(json(registered).path("pending").asBoolean(), registered.body());
            assertTrue(registered.headers().firstValue("Set-Cookie").isEmpty(), "no session while pending");
            assertError(403, "account_pending", app.login("alice", ALICE_PASSWORD));

            String root = app.signIn("root", ROOT_PASSWORD);
            JsonNode pending = json(app.json("GET", "/api/admin/pending", null, root));
            assertEquals("alice", pending.path(0).path("username").asText(), pending.toString());
            HttpResponse<String> approved = app.json("POST", "/api/admin/users/alice/approve", null, root);
            assertEquals(200, approved.statusCode(), approved.body());
            assertEquals("active", json(approved).path("status").asText(), approved.body());

            String key = theRestOfTheStory(app, root);
            assertAudited(app, root, key, List.of("user.register", "user.approve", "user.permissions", "api_key.mint",
                    "impersonation.start", "api_key.mint refused", "impersonation.stop"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anInvitedUserIsActiveAtOnceGivenChatAndLlamaScopedImpersonatedAndAudited(String database) throws Exception {
        try (Database db = Database.fresh(database); RunningServer app = server(db.storeUrl, RegistrationMode.INVITE)) {
            assertError(403, "invite_required", register(app, null));
            String root = app.signIn("root", ROOT_PASSWORD);
            HttpResponse<String> invite = app.json("POST", "/api/admin/invites", "{\"email\": \"alice@example.org\"}", root);
            assertEquals(201, invite.statusCode(), invite.body());
            String code = json(invite).path("code").asText();

            HttpResponse<String> registered = register(app, "\"email\":\"alice@example.org\",\"invite\":\"" + code + "\"");
            assertEquals(201, registered.statusCode(), registered.body());
            assertFalse(json(registered).path("pending").asBoolean(), registered.body());
            assertEquals(200, app.me(RunningServer.cookie(RunningServer.token(registered))), "signed in at once");
            JsonNode listed = json(app.json("GET", "/api/admin/invites", null, root)).path(0);
            assertEquals("used", listed.path("status").asText(), listed.toString());
            assertEquals("alice", listed.path("uses").path(0).path("username").asText(), listed.toString());
            assertError(403, "invite_used_up", app.json("POST", "/api/register", "{\"username\":\"eve\",\"password\":\""
                    + ALICE_PASSWORD + "\",\"email\":\"alice@example.org\",\"invite\":\"" + code + "\"}", null));

            String key = theRestOfTheStory(app, root);
            assertAudited(app, root, key, List.of("user.register", "invite.use", "user.permissions", "api_key.mint",
                    "impersonation.start", "api_key.mint refused", "impersonation.stop"));
            String invites = app.json("GET", "/api/admin/audit?action=invite.&limit=1000", null, root).body();
            assertFalse(invites.contains(code), "the invite code is never in the log");
        }
    }

    /** Permissions, a scoped key, the checks, impersonation; returns the key, to prove it is not in the log. */
    private static String theRestOfTheStory(RunningServer app, String root) {
        HttpResponse<String> rights = app.json("PUT", "/api/admin/users/alice/permissions", "{\"features\": "
                + onlyChat(app, root) + ", \"models\": [\"llama-*\"]}", root);
        assertEquals(200, rights.statusCode(), rights.body());
        assertTrue(json(rights).path("features").path("chat").asBoolean(), rights.body());
        assertFalse(json(rights).path("features").path("images").asBoolean(), rights.body());

        String alice = app.signIn("alice", ALICE_PASSWORD);
        HttpResponse<String> minted = app.json("POST", "/api/tokens", "{\"name\":\"llama\",\"scopes\":[\"models:llama-3\"]}",
                alice);
        assertEquals(201, minted.statusCode(), minted.body());
        String key = json(minted).path("key").asText();

        assertEquals(200, verify(app, "Bearer " + key, "X-Gatehouse-Feature", "chat", "X-Gatehouse-Model", "llama-3")
                .statusCode());
        assertRefused("model", "mistral", verify(app, "Bearer " + key, "X-Gatehouse-Feature", "chat",
                "X-Gatehouse-Model", "mistral"));
        assertTrue(verify(app, "Bearer " + key, "X-Gatehouse-Model", "mistral").body().contains("'mistral'"));
        assertRefused("model", "llama-3.1", verify(app, "Bearer " + key, "X-Gatehouse-Model", "llama-3.1"));
        assertRefused("feature", "images", verify(app, "Bearer " + key, "X-Gatehouse-Feature", "images"));
        assertEquals(200, verifyAsSession(app, alice, "X-Gatehouse-Model", "llama-3.1").statusCode(),
                "alice herself may use llama-*; only her key is narrower");
        assertRefused("model", "mistral", verifyAsSession(app, alice, "X-Gatehouse-Model", "mistral"));
        assertEquals("{\"object\":\"list\",\"data\":[{\"id\":\"llama-3\",\"object\":\"model\"},"
                + "{\"id\":\"llama-3.1\",\"object\":\"model\"}]}",
                app.json("GET", "/api/me/models?model=llama-3&model=mistral&model=llama-3.1", null, alice).body());
        assertEquals("{\"object\":\"list\",\"data\":[{\"id\":\"llama-3\",\"object\":\"model\"}]}",
                app.keyed("GET", "/api/me/models?model=llama-3&model=mistral&model=llama-3.1", null, key).body());

        HttpResponse<String> started = app.json("POST", "/api/admin/users/alice/impersonate", null, root);
        assertEquals(200, started.statusCode(), started.body());
        String asAlice = ImpersonationTest.setCookie(started, SessionCookie.NAME).orElseThrow();
        String kept = ImpersonationTest.setCookie(started, AdminCookie.NAME).orElseThrow();
        assertEquals("alice", json(app.json("GET", "/api/me", null, asAlice)).path("username").asText());
        assertEquals(403, app.json("GET", "/api/admin/users", null, asAlice).statusCode());
        assertEquals(403, app.json("GET", "/api/admin/audit", null, asAlice).statusCode());
        assertRefused("model", "mistral", verifyAsSession(app, asAlice, "X-Gatehouse-Model", "mistral"));
        assertError(403, "forbidden", app.json("POST", "/api/tokens", "{\"name\":\"mine\"}", asAlice));
        HttpResponse<String> stopped = app.json("POST", "/api/impersonation/stop", null, asAlice + "; " + kept);
        assertEquals(200, stopped.statusCode(), stopped.body());
        String back = ImpersonationTest.setCookie(stopped, SessionCookie.NAME).orElseThrow();
        assertEquals("root", json(app.json("GET", "/api/me", null, back)).path("username").asText());
        assertEquals(200, app.json("GET", "/api/admin/users", null, back).statusCode(), "administrator again");
        return key;
    }

    /** Every feature the server knows set off, except chat on. */
    private static String onlyChat(RunningServer app, String root) {
        JsonNode defaults = json(app.json("GET", "/api/admin/users/alice/permissions", null, root)).path("defaults");
        List<String> settings = new ArrayList<>();
        defaults.fieldNames().forEachRemaining(f -> settings.add("\"" + f + "\": " + f.equals("chat")));
        assertTrue(settings.size() > 1 && defaults.has("chat") && defaults.has("images"), defaults.toString());
        return "{" + String.join(", ", settings) + "}";
    }

    /** Alice's events, oldest first, hold {@code expected} in that order; nothing holds her password or key. */
    private static void assertAudited(RunningServer app, String root, String key, List<String> expected) {
        HttpResponse<String> answer = app.json("GET", "/api/admin/audit?user=alice&limit=1000", null, root);
        assertEquals(200, answer.statusCode(), answer.body());
        List<JsonNode> events = new ArrayList<>();
        json(answer).path("events").forEach(e -> events.add(0, e));
        Iterator<String> wanted = expected.iterator();
        String next = wanted.next();
        for (JsonNode event : events) {
            String seen = event.path("action").asText() + ("refused".equals(event.path("outcome").asText()) ? " refused" : "");
            if (!seen.equals(next)) {
                continue;
            }
            if (next.equals("api_key.mint refused")) {
                assertEquals("alice", event.path("actor").asText(), event.toString());
                assertEquals("root", event.path("impersonator").asText(), event.toString());
            }
            if (next.equals("impersonation.start") || next.equals("user.permissions") || next.equals("user.approve")) {
                assertEquals("root", event.path("actor").asText(), event.toString());
                assertEquals("alice", event.path("target").asText(), event.toString());
            }
            if (!wanted.hasNext()) {
                next = null;
                break;
            }
            next = wanted.next();
        }
        if (next != null) {
            fail("No '" + next + "' in order " + expected + " among alice's events: " + answer.body());
        }
        String everything = app.json("GET", "/api/admin/audit?limit=100000&format=jsonl", null, root).body();
        assertFalse(everything.contains(ALICE_PASSWORD), "alice's password is in the log");
        assertFalse(everything.contains(key), "alice's key is in the log");
        assertFalse(everything.contains(key.substring(12)), "the secret part of alice's key is in the log");
    }

    private static void assertRefused(String what, String name, HttpResponse<String> answer) {
        assertError(403, "forbidden", answer);
        assertEquals(what, json(answer).path("refused").asText(), answer.body());
        assertEquals(name, json(answer).path("name").asText(), answer.body());
        assertTrue(json(answer).path("message").asText().contains("'" + name + "'"), answer.body());
    }

    private static HttpResponse<String> verify(RunningServer app, String authorization, String... headers) {
        // A route the table maps to no feature: the headers name what is checked; a path no rule maps is
        // refused to restricted callers (RouteTableTest).
        return app.send(app.get("/auth/verify").header("Authorization", authorization)
                .header("X-Forwarded-Uri", "/v1/models").headers(headers).build());
    }

    private static HttpResponse<String> verifyAsSession(RunningServer app, String cookie, String... headers) {
        HttpRequest request = app.get("/auth/verify").header("Cookie", cookie).header("X-Forwarded-Uri", "/v1/models")
                .headers(headers).build();
        return app.send(request);
    }

    private static HttpResponse<String> register(RunningServer app, String extra) {
        return app.json("POST", "/api/register", "{\"username\":\"alice\",\"password\":\"" + ALICE_PASSWORD + "\""
                + (extra == null ? "" : "," + extra) + "}", null);
    }

    private static RunningServer server(String storeUrl, RegistrationMode mode) {
        RunningServer app = new RunningServer(storeUrl, s -> s.withRegistration(new RegistrationRules(mode, Optional.empty())));
        app.addAdmin("root", ROOT_PASSWORD);
        return app;
    }

    /** A fresh SQLite file, or a fresh schema on the test PostgreSQL ({@link PostgresSchema}) that is dropped afterwards. */
    private record Database(String storeUrl, PostgresSchema schema) implements AutoCloseable {

        static Database fresh(String kind) throws Exception {
            if (kind.equals("sqlite")) {
                return new Database("sqlite:" + Files.createTempDirectory("gatehouse-story-").resolve("gatehouse.db"),
                        null);
            }
            PostgresSchema schema = PostgresSchema.fresh("gh_story_");
            return new Database(schema.storeUrl(), schema);
        }

        @Override
        public void close() throws SQLException {
            if (schema != null) {
                schema.close();
            }
        }
    }
}
