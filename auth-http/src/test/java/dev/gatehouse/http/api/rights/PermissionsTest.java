package dev.gatehouse.http.api.rights;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Features and models on a running server: {@code /auth/verify} refuses with 403 what a user or
 * their key may not use, a change through another store handle applies to the next request, and
 * the permissions API reads and replaces rights.
 */
class PermissionsTest {

    static final String PASSWORD = "plum-tulip-ferry-42";
    static RunningServer app;
    static String aliceKey;
    static String llamaKey;
    static String rootLlamaKey;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer(s -> s);
        app.addAdmin("root", PASSWORD);
        app.addUser("alice", PASSWORD);
        aliceKey = app.mintKey("alice").secret();
        llamaKey = app.mintKey("alice", Set.of("models:llama-3")).secret();
        rootLlamaKey = app.mintKey("root", Set.of("models:llama-3")).secret();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void defaults() {
        app.cli.permissions().remove(Username.of("alice"));
    }

    static HttpResponse<String> verify(String key, String... headers) {
        HttpRequest.Builder request = app.get("/auth/verify").header("Authorization", "Bearer " + key);
        return app.send((headers.length == 0 ? request : request.headers(headers)).build());
    }

    static HttpResponse<String> verifyPost(String key, String contentType, String body, String... headers) {
        HttpRequest.Builder request = app.post("/auth/verify", body).header("Authorization", "Bearer " + key)
                .header("Content-Type", contentType);
        return app.send((headers.length == 0 ? request : request.headers(headers)).build());
    }

    static void assertRefused(String what, String name, HttpResponse<String> answer) {
        assertError(403, "forbidden", answer);
        assertEquals(what, RunningServer.json(answer).path("refused").asText(), answer.body());
        assertEquals(name, RunningServer.json(answer).path("name").asText(), answer.body());
    }

    @Test
    void aKeyScopedToOneModelIsRefusedForAnotherAndAllowedForIt() {
        assertRefused("model", "mistral", verify(llamaKey, "X-Gatehouse-Model", "mistral"));
        assertEquals(200, verify(llamaKey, "X-Gatehouse-Model", "llama-3", "X-Forwarded-Uri", "/v1/models").statusCode());
        assertRefused("model", "mistral", verify(rootLlamaKey, "X-Gatehouse-Model", "mistral"));
        assertEquals(200, verify(llamaKey, "X-Forwarded-Uri", "/v1/models").statusCode(),
                "no model asked: nothing to check");
    }

    @Test
    void theRouteMapAndTheBodyNameTheFeatureAndModel() {
        app.cli.permissions().put(Username.of("alice"), new Permissions(Map.of("images", false),
                ModelAccess.only(List.of("llama-*"))));
        assertRefused("feature", "images", verify(aliceKey, "X-Forwarded-Method", "POST",
                "X-Forwarded-Uri", "/v1/images/generations"));
        assertRefused("feature", "images", verify(aliceKey, "X-Forwarded-Uri", "//v1/./images/generations/"));
        assertRefused("model", "gpt-4", verify(aliceKey, "X-Forwarded-Uri", "/v1/chat/completions?model=gpt-4"));
        assertRefused("model", "gpt-4", verifyPost(aliceKey, "application/json", "{\"model\": \"gpt-4\", \"messages\": []}",
                "X-Forwarded-Method", "POST", "X-Forwarded-Uri", "/v1/chat/completions"));
        assertEquals(200, verifyPost(aliceKey, "application/json", "{\"model\": \"llama-3.1\"}",
                "X-Forwarded-Uri", "/v1/chat/completions").statusCode());
        assertRefused("model", "whisper-1", verifyPost(aliceKey, "application/x-www-form-urlencoded",
                "language=en&model=whisper-1", "X-Forwarded-Uri", "/v1/audio/transcriptions"));
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n--b--\r\n";
        assertRefused("model", "whisper-1", verifyPost(aliceKey, "multipart/form-data; boundary=b", multipart,
                "X-Forwarded-Uri", "/v1/audio/transcriptions"));
    }

    @Test
    void aPostWhoseBodyTheProxyKeptIsRefusedToCallersLimitedToSomeModels() {
        String[] chatPost = {"X-Forwarded-Method", "POST", "X-Forwarded-Uri", "/v1/chat/completions"};
        assertEquals(200, verify(aliceKey, chatPost).statusCode(), "alice may use every model: nothing to check");
        assertRefused("model", "(not seen)", verify(llamaKey, chatPost));
        assertRefused("model", "(not seen)", verify(rootLlamaKey, chatPost));
        app.cli.permissions().put(Username.of("alice"), new Permissions(Map.of(), ModelAccess.only(List.of("llama-*"))));
        HttpResponse<String> unseen = verify(aliceKey, chatPost);
        assertRefused("model", "(not seen)", unseen);
        assertTrue(RunningServer.json(unseen).path("message").asText().contains("X-Gatehouse-Model"), unseen.body());
        assertEquals(200, verify(aliceKey, "X-Forwarded-Method", "POST", "X-Forwarded-Uri", "/v1/chat/completions",
                "X-Gatehouse-Model", "llama-3").statusCode(), "the proxy named the model");
        assertEquals(200, verify(aliceKey, "X-Forwarded-Method", "GET", "X-Forwarded-Uri", "/v1/images/abc.png")
                .statusCode(), "a GET sends no body to hide a model in");
    }

    @Test
    void headersFromTheProxyWinAndBadValuesAreRefused() {
        app.cli.permissions().put(Username.of("alice"), new Permissions(Map.of("chat", false), ModelAccess.everything()));
        assertRefused("feature", "chat", verify(aliceKey, "X-Gatehouse-Feature", "chat",
                "X-Forwarded-Uri", "/v1/embeddings"));
        assertError(400, "bad_request", verify(aliceKey, "X-Gatehouse-Feature", "Chat!"));
        assertError(400, "bad_request", verify(aliceKey, "X-Gatehouse-Model", "a b"));
        assertRefused("feature", "teleport", verify(aliceKey, "X-Gatehouse-Feature", "teleport"));
        assertRefused("feature", "agents", verify(aliceKey, "X-Forwarded-Uri", "/api/agents/run"));
    }

    @Test
    void aChangeThroughAnotherStoreHandleAppliesToTheNextRequest() {
        String[] models = {"X-Forwarded-Uri", "/v1/models"};
        assertEquals(200, verify(aliceKey, "X-Gatehouse-Model", "gpt-4", models[0], models[1]).statusCode());
        app.cli.permissions().put(Username.of("alice"), new Permissions(Map.of(), ModelAccess.only(List.of("llama-*"))));
        assertRefused("model", "gpt-4", verify(aliceKey, "X-Gatehouse-Model", "gpt-4", models[0], models[1]));
        app.cli.permissions().remove(Username.of("alice"));
        assertEquals(200, verify(aliceKey, "X-Gatehouse-Model", "gpt-4", models[0], models[1]).statusCode());
    }

    @Test
    void noCredentialsIsStill401() {
        assertError(401, "unauthenticated", app.send(app.get("/auth/verify").header("X-Gatehouse-Model", "x").build()));
    }

    @Test
    void anAdministratorReplacesAUsersRightsAndTheUserReadsThem() {
        String root = app.signIn("root", PASSWORD);
        HttpResponse<String> put = app.json("PUT", "/api/admin/users/alice/permissions",
                "{\"features\": {\"chat\": true, \"images\": false}, \"models\": [\"llama-*\"]}", root);
        assertEquals(200, put.statusCode(), put.body());
        JsonNode view = RunningServer.json(put);
        assertEquals(false, view.path("features").path("images").asBoolean());
        assertEquals(true, view.path("defaults").path("images").asBoolean());
        assertEquals("llama-*", view.path("models").path(0).asText());
        assertEquals(false, view.path("allModels").asBoolean());
        assertTrue(app.cli.audit().page(java.util.Optional.empty(), 1000).stream()
                .anyMatch(e -> e.action().equals("user.permissions") && e.actor().equals("root")));

        HttpResponse<String> mine = app.keyed("GET", "/api/me/permissions", null, aliceKey);
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(false, RunningServer.json(mine).path("features").path("images").asBoolean());
        assertError(403, "forbidden", app.keyed("GET", "/api/admin/users/root/permissions", null, aliceKey));
        assertError(400, "bad_request", app.json("PUT", "/api/admin/users/alice/permissions",
                "{\"features\": {\"teleport\": true}}", root));
        assertError(404, "user_not_found", app.json("GET", "/api/admin/users/nobody/permissions", null, root));
    }

    @Test
    void myModelsFiltersAListToWhatTheCallerMayUseInOpenAisShape() {
        app.cli.permissions().put(Username.of("alice"), new Permissions(Map.of(), ModelAccess.only(List.of("llama-*",
                "mistral")))); 
        HttpResponse<String> byQuery = app.keyed("GET", "/api/me/models?model=llama-3&model=gpt-4&model=mistral", null,
                aliceKey);
        assertEquals("{\"object\":\"list\",\"data\":[{\"id\":\"llama-3\",\"object\":\"model\"},"
                + "{\"id\":\"mistral\",\"object\":\"model\"}]}", byQuery.body());
        HttpResponse<String> byList = app.keyed("POST", "/api/me/models",
                "{\"object\": \"list\", \"data\": [{\"id\": \"llama-3\"}, {\"id\": \"mistral\"}, {\"id\": \"phi\"}]}",
                llamaKey);
        assertEquals("{\"object\":\"list\",\"data\":[{\"id\":\"llama-3\",\"object\":\"model\"}]}", byList.body());
    }
}
