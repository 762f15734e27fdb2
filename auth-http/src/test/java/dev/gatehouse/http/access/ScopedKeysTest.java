package dev.gatehouse.http.access;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.http.testing.RunningServer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A key with scopes is for the AI server: on Gatehouse's own routes it can ask who it is and what
 * it may use, make narrower keys and revoke itself, and nothing else — an administrator's included;
 * no key changes a password; and the administrators' routes hold however their path is spelt.
 */
class ScopedKeysTest {

    static final String PASSWORD = "correct horse battery";
    static RunningServer app;
    static String root;
    static String alice;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addAdmin("root", PASSWORD);
        app.addUser("alice", PASSWORD);
        app.addUser("bob", PASSWORD);
        root = app.signIn("root", PASSWORD);
        alice = app.signIn("alice", PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String key(String owner, String... scopes) {
        return app.mintKey(owner, Set.of(scopes)).secret();
    }

    static List<String> usernames() {
        HttpResponse<String> users = app.json("GET", "/api/admin/users", null, root);
        assertEquals(200, users.statusCode(), users.body());
        return json(users).path("users").findValuesAsText("username");
    }

    @Test
    void anAdministratorsChatKeyCannotCreateAnAdministrator() {
        String chat = key("root", "chat");
        HttpResponse<String> created = app.keyed("POST", "/api/admin/users",
                "{\"username\":\"mallory\",\"password\":\"" + PASSWORD + " again\",\"admin\":true}", chat);
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, created);
        assertTrue(created.body().contains("AI server") && created.body().contains(ApiKey.MANAGE_SCOPE), created.body());
        assertFalse(usernames().contains("mallory"), "no account was made");
        assertEquals(401, app.login("mallory", PASSWORD + " again").statusCode());
    }

    @Test
    void anAdministratorsChatKeyCannotChangeRolesRightsLocksOrReadTheAudit() {
        String chat = key("root", "chat");
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("PUT", "/api/admin/users/bob/role", "{\"role\":\"admin\"}", chat));
        assertFalse(json(app.json("GET", "/api/admin/users", null, root)).path("users").findParents("username").stream()
                .filter(u -> u.path("username").asText().equals("bob")).findFirst().orElseThrow().path("admin").asBoolean(),
                "bob is still a plain user");
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("PUT", "/api/admin/users/bob/permissions",
                "{\"features\":{\"images\":true}}", chat));
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("POST", "/api/admin/users/bob/lock", "{\"reason\":\"x\"}", chat));
        assertEquals(200, app.me(app.signIn("bob", PASSWORD)), "bob is not locked");
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("GET", "/api/admin/audit", null, chat));
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("POST", "/api/admin/invites", "{}", chat));
    }

    @Test
    void anAdministratorsChatKeyCannotReadMetricsHoweverThePathIsSpelt() throws IOException {
        String chat = key("root", "chat");
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("GET", "/metrics", null, chat));
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("GET", "/metrics/", null, chat));
        assertEquals(200, app.keyed("GET", "/metrics/", null, key("root")).statusCode(), "the spelling reaches the route");
        for (String path : List.of("/metrics", "/metrics/", "/metrics;x=1", "/METRICS", "/%6detrics", "//metrics")) {
            assertRefusedOr404(raw("GET", path, "Authorization: Bearer " + chat), path);
        }
    }

    @Test
    void aUsersChatKeyCannotEndSessionsOrChangeThePassword() {
        String chat = key("alice", "chat");
        String session = app.signIn("alice", PASSWORD);
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("DELETE", "/api/me/sessions", null, chat));
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("GET", "/api/me/sessions", null, chat));
        String id = json(app.json("GET", "/api/me/sessions", null, session)).path("sessions").get(0).path("id").asText();
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("DELETE", "/api/me/sessions/" + id, null, chat));
        assertEquals(200, app.me(session), "the session still works");

        HttpResponse<String> guess = app.keyed("POST", "/api/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new pass phrase\"}", chat);
        assertError(403, KeyRefusals.SESSION_REQUIRED, guess);
        assertTrue(guess.body().contains("Sign in"), guess.body());
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("PUT", "/api/me/avatar", "x", chat));
        assertEquals(200, app.login("alice", PASSWORD).statusCode(), "the password is unchanged");
    }

    @Test
    void noKeyChangesAPasswordNotEvenAnAdministratorsUnscopedOne() {
        String plain = key("alice");
        assertError(403, KeyRefusals.SESSION_REQUIRED, app.keyed("POST", "/api/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new pass phrase\"}", plain));
        String rootKey = key("root");
        assertError(403, KeyRefusals.SESSION_REQUIRED, app.keyed("POST", "/api/admin/users/alice/password",
                "{\"password\":\"a brand new pass phrase\"}", rootKey));
        assertError(403, KeyRefusals.SESSION_REQUIRED, app.keyed("POST", "/api/admin/users/alice/password",
                "{\"password\":\"a brand new pass phrase\"}", key("root", ApiKey.MANAGE_SCOPE)));
        assertEquals(200, app.login("alice", PASSWORD).statusCode(), "the password is unchanged");
        assertEquals(200, app.keyed("GET", "/api/me/sessions", null, plain).statusCode(), "unscoped keys manage as before");
        assertEquals(200, app.keyed("GET", "/api/admin/users", null, rootKey).statusCode());
    }

    @Test
    void aChatKeyMintsOnlyNarrowerKeysForItsOwner() {
        String chat = key("alice", "chat", "models:llama-*");
        for (String wider : List.of("{}", "{\"scopes\":[\"ch*\"]}", "{\"scopes\":[\"chat\",\"images\"]}",
                "{\"scopes\":[\"chat\"]}", "{\"scopes\":[\"models:llama-3\"]}", "{\"scopes\":[\"chat\",\"models:*\"]}",
                "{\"scopes\":[\"chat\",\"models:llama-3\",\"" + ApiKey.MANAGE_SCOPE + "\"]}",
                "{\"scopes\":[\"c*\",\"models:llama-3\"]}")) {
            assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("POST", "/api/tokens", wider, chat));
        }
        HttpResponse<String> narrower = app.keyed("POST", "/api/tokens",
                "{\"scopes\":[\"chat\",\"models:llama-3\"]}", chat);
        assertEquals(201, narrower.statusCode(), narrower.body());
        assertEquals("alice", json(narrower).path("token").path("owner").asText());
        String forBob = "{\"username\":\"bob\",\"scopes\":[\"chat\",\"models:llama-3\"]}";
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("POST", "/api/tokens", forBob, key("root", "chat")));
        assertEquals(201, app.json("POST", "/api/tokens", forBob, root).statusCode(), "signed in, the administrator may");
    }

    @Test
    void aKeyMadeByAKeyWithScopesDoesNotOutliveIt() {
        JsonNode outer = json(app.json("POST", "/api/tokens", "{\"expires\":\"30d\",\"scopes\":[\"chat\"]}", alice));
        String key = outer.path("key").asText();
        Instant end = Instant.parse(outer.path("token").path("expires").asText());
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("POST", "/api/tokens",
                "{\"expires\":\"never\",\"scopes\":[\"chat\"]}", key));
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("POST", "/api/tokens",
                "{\"expires\":\"90d\",\"scopes\":[\"chat\"]}", key));
        HttpResponse<String> byDefault = app.keyed("POST", "/api/tokens", "{\"scopes\":[\"chat\"]}", key);
        assertEquals(201, byDefault.statusCode(), byDefault.body());
        Instant inner = Instant.parse(json(byDefault).path("token").path("expires").asText());
        assertFalse(inner.isAfter(end), inner + " is after " + end);
        assertTrue(inner.isAfter(end.minus(Duration.ofMinutes(1))), "it lives as long as the key that made it: " + inner);
    }

    @Test
    void aChatKeyRevokesOnlyItselfAndListsOrRenamesNothing() {
        var plain = app.mintKey("alice", Set.of());
        var chat = app.mintKey("alice", Set.of("chat"));
        String id = plain.key().id().value();
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("DELETE", "/api/tokens/" + id, null, chat.secret()));
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("DELETE", "/api/tokens", null, chat.secret()));
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("GET", "/api/tokens", null, chat.secret()));
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("PATCH", "/api/tokens/" + chat.key().id().value(),
                "{\"name\":\"renamed\"}", chat.secret()));
        assertEquals(200, app.keyed("GET", "/api/me", null, plain.secret()).statusCode(), "the other key still works");
        assertEquals(204, app.keyed("DELETE", "/api/tokens/" + chat.key().id().value(), null, chat.secret()).statusCode());
        assertEquals(401, app.keyed("GET", "/api/me", null, chat.secret()).statusCode(), "revoked itself");
    }

    @Test
    void aChatKeyStillAsksWhatAnAiClientNeeds() {
        String chat = key("alice", "chat");
        assertEquals("alice", json(app.keyed("GET", "/api/me", null, chat)).path("username").asText());
        assertEquals(200, app.keyed("GET", "/api/me/models?model=llama-3", null, chat).statusCode());
        assertEquals(200, app.keyed("GET", "/api/me/permissions", null, chat).statusCode());
    }

    @Test
    void theManagementScopeManagesButUsesNoFeatureAndIsNeverGuessed() {
        String manage = key("root", ApiKey.MANAGE_SCOPE);
        assertEquals(200, app.keyed("GET", "/api/admin/users", null, manage).statusCode());
        assertEquals(200, app.keyed("GET", "/metrics", null, manage).statusCode());
        HttpResponse<String> chat = app.send(app.get("/auth/verify").header("Authorization", "Bearer " + manage)
                .header("X-Gatehouse-Feature", "chat").build());
        assertEquals(403, chat.statusCode(), "a management key is not for the AI server: " + chat.body());
        assertError(400, "bad_request", app.json("POST", "/api/tokens", "{\"scopes\":[\"gatehouse:admin\"]}", root));
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("GET", "/api/admin/users", null, key("root", "gatehouse*")));
    }

    @Test
    void aUserMeetsTheAdministratorsRuleHoweverThePathIsSpelt() throws IOException {
        String aliceChat = key("alice", "chat");
        String rootChat = key("root", "chat");
        List<String> spellings = List.of("/metrics/", "//api/admin/users", "/api/admin/users/", "/API/admin/users",
                "/api/admin/%75sers", "/api/./admin/users", "/api/x/../admin/users", "/api/admin/users;x=1",
                "/api//admin/users", "/api/admin/users%2F", "/admin/", "/admin/users/bob/", "http://example.org/api/admin/users");
        for (String path : spellings) {
            assertRefusedOr404(raw("GET", path, "Cookie: " + alice), path + " with a user's session");
            assertRefusedOr404(raw("GET", path, "Authorization: Bearer " + aliceChat), path + " with a user's key");
            assertRefusedOr404(raw("GET", path, "Authorization: Bearer " + rootChat), path + " with an administrator's chat key");
        }
        String create = "{\"username\":\"eve\",\"password\":\"" + PASSWORD + " again\",\"admin\":true}";
        for (String path : List.of("/api/admin/users/", "//api/admin/users", "/api/admin/%75sers", "/API/admin/users")) {
            assertRefusedOr404(raw("POST", path, "Authorization: Bearer " + rootChat, create), "POST " + path);
        }
        assertFalse(usernames().contains("eve"));
        assertEquals("200", raw("GET", "/metrics/", "Cookie: " + root).substring(9, 12), "the administrator reaches it");
    }

    private static void assertRefusedOr404(String answer, String what) {
        String status = answer.substring(9, 12);
        assertTrue(status.equals("403") || status.equals("404") || status.equals("400"), what + " answered " + answer);
    }

    /** Sends the request line exactly as given (an HTTP client would tidy the path), returning the whole answer. */
    static String raw(String method, String path, String header) throws IOException {
        return raw(method, path, header, "");
    }

    static String raw(String method, String path, String header, String body) throws IOException {
        URI origin = URI.create(app.origin());
        try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
            socket.setSoTimeout(10_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String request = method + " " + path + " HTTP/1.1\r\nHost: " + origin.getAuthority() + "\r\n" + header
                    + "\r\nOrigin: " + app.origin() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(bytes);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
