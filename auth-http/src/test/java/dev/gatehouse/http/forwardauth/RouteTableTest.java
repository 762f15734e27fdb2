package dev.gatehouse.http.forwardauth;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The built-in route table and routes it does not map, through {@code /auth/verify}: every route
 * LocalAI gates with a feature is checked for it (the model in a {@code /v1/engines/{model}/...}
 * path too), and a route no rule maps is refused to callers with any restriction by default, to
 * all but administrators with {@code deny}, and to keys with scopes in every mode.
 */
class RouteTableTest {

    static final String PASSWORD = "plum-tulip-ferry-42";

    /** A server with {@code mode} for unmatched routes; root, a default user, and a user with every right. */
    static final class Server implements AutoCloseable {
        final RunningServer app;
        final Map<String, String> keys = new HashMap<>();

        Server(AccessRules.Unmatched mode) throws Exception {
            app = new RunningServer(new AccessRules(FeatureCatalog.localAi(), RouteMap.defaults(), mode));
            app.addAdmin("root", PASSWORD);
            app.addUser("dora", PASSWORD); // LocalAI's defaults: agents, skills, collections, mcp_jobs off
            app.addUser("ella", PASSWORD);
            Map<String, Boolean> every = new HashMap<>();
            FeatureCatalog.localAi().names().forEach(f -> every.put(f, true));
            app.cli.permissions().put(Username.of("ella"), new Permissions(every, ModelAccess.everything()));
            keys.put("root", app.mintKey("root").secret());
            keys.put("root scoped", app.mintKey("root", Set.of("chat")).secret());
            keys.put("dora", app.mintKey("dora").secret());
            keys.put("ella", app.mintKey("ella").secret());
            keys.put("ella scoped", app.mintKey("ella", Set.of("models:*")).secret());
        }

        HttpResponse<String> verify(String who, String method, String uri) {
            HttpRequest.Builder request = app.get("/auth/verify").header("Authorization", "Bearer " + keys.get(who))
                    .header("X-Forwarded-Method", method);
            return app.send((uri == null ? request : request.header("X-Forwarded-Uri", uri)).build());
        }

        @Override
        public void close() {
            app.close();
        }
    }

    static void assertRouteRefused(HttpResponse<String> answer) {
        assertError(403, "forbidden", answer);
        assertEquals("route", RunningServer.json(answer).path("refused").asText(), answer.body());
        assertEquals("route", answer.headers().firstValue("X-Gatehouse-Refused").orElse(""));
    }

    @Test
    void theRoutesLocalAiGatesAreCheckedForTheirFeature() throws Exception {
        Map<String, String> routes = Map.ofEntries(Map.entry("/v1/engines/llama-3/completions", "chat"),
                Map.entry("/v1/edits", "chat"), Map.entry("/v1/moderations", "chat"), Map.entry("/moderations", "chat"),
                Map.entry("/api/chat", "chat"), Map.entry("/api/generate", "chat"), Map.entry("/v1/messages", "chat"),
                Map.entry("/v1/responses/resp_1", "chat"), Map.entry("/v1/engines/llama-3/embeddings", "embeddings"),
                Map.entry("/api/embed", "embeddings"), Map.entry("/v1/audio/translations", "audio_transcription"),
                Map.entry("/v1/text-to-speech/voice-1", "audio_speech"), Map.entry("/v1/audio/voices", "audio_speech"),
                Map.entry("/v1/detokenize", "tokenize"), Map.entry("/v2/rerank", "rerank"),
                Map.entry("/v1/mcp/servers/llama-3", "mcp"), Map.entry("/api/cors-proxy", "mcp"),
                Map.entry("/api/agent/tasks", "mcp_jobs"), Map.entry("/api/agent/jobs/7/cancel", "mcp_jobs"),
                Map.entry("/v1/videos", "video"), Map.entry("/stores/find", "stores"));
        try (Server server = new Server(AccessRules.Unmatched.RESTRICTED)) {
            for (Map.Entry<String, String> route : routes.entrySet()) {
                Map<String, Boolean> off = Map.of(route.getValue(), false);
                server.app.cli.permissions().put(Username.of("dora"), new Permissions(off, ModelAccess.everything()));
                HttpResponse<String> answer = server.verify("dora", "GET", route.getKey());
                assertError(403, "forbidden", answer);
                assertEquals(route.getValue(), RunningServer.json(answer).path("name").asText(), route.getKey());
            }
        }
    }

    @Test
    void theModelInAnEnginePathAndAWebsocketsModelAreChecked() throws Exception {
        try (Server server = new Server(AccessRules.Unmatched.RESTRICTED)) {
            server.app.cli.permissions().put(Username.of("dora"), new Permissions(Map.of(),
                    ModelAccess.only(List.of("llama-3"))));
            HttpResponse<String> engine = server.verify("dora", "POST", "/v1/engines/mistral/completions");
            assertError(403, "forbidden", engine);
            assertEquals("mistral", RunningServer.json(engine).path("name").asText());
            HttpResponse<String> withoutBody = server.verify("dora", "POST", "/v1/engines/llama-3/completions");
            assertEquals("(not seen)", RunningServer.json(withoutBody).path("name").asText(), "the body may name another");
            assertEquals(200, server.app.send(server.app.post("/auth/verify", "{\"prompt\": \"hi\"}")
                    .header("Authorization", "Bearer " + server.keys.get("dora")).header("X-Forwarded-Method", "POST")
                    .header("X-Forwarded-Uri", "/v1/engines/llama-3/completions").build()).statusCode(),
                    "a forwarded body naming no model: the path's is used");
            assertEquals("mistral", RunningServer.json(server.verify("dora", "GET", "/v1/mcp/prompts/mistral"))
                    .path("name").asText());
            // A realtime socket can change its model in messages the check never sees.
            HttpResponse<String> realtime = server.verify("dora", "GET", "/v1/realtime?model=llama-3");
            assertError(403, "forbidden", realtime);
            assertEquals("(not seen)", RunningServer.json(realtime).path("name").asText());
            assertEquals(200, server.verify("ella", "GET", "/v1/realtime?model=mistral").statusCode());
        }
    }

    @Test
    void byDefaultAnUnmatchedRouteIsRefusedToEveryoneWithARestrictionAndToEveryScopedKey() throws Exception {
        try (Server server = new Server(AccessRules.Unmatched.RESTRICTED)) {
            for (String uri : new String[] {"/v1/files", "/v1/batches", "/v1/assistants", null}) {
                assertEquals(200, server.verify("root", "POST", uri).statusCode(), "administrators pass: " + uri);
                assertEquals(200, server.verify("ella", "POST", uri).statusCode(), "every right: " + uri);
                assertRouteRefused(server.verify("dora", "POST", uri)); // agents and more off by default
                assertRouteRefused(server.verify("root scoped", "POST", uri));
                assertRouteRefused(server.verify("ella scoped", "POST", uri));
            }
            server.app.cli.permissions().put(Username.of("ella"), new Permissions(Map.of(),
                    ModelAccess.only(List.of("llama-3"))));
            assertRouteRefused(server.verify("ella", "GET", "/v1/assistants"));
            for (String who : List.of("dora", "root scoped", "ella scoped")) {
                assertEquals(200, server.verify(who, "GET", "/v1/models").statusCode(), "a '-' route needs no feature");
                assertEquals(200, server.verify(who, "GET", "/healthz").statusCode());
            }
        }
    }

    @Test
    void localAisOwnAdministrationIsForAdministratorsInEveryMode() throws Exception {
        try (Server allow = new Server(AccessRules.Unmatched.ALLOW)) {
            for (String uri : List.of("/models/apply", "/backends/apply", "/models/delete/llama-3", "/system",
                    "/backend/shutdown", "/api/p2p/token")) {
                assertEquals(200, allow.verify("root", "POST", uri).statusCode(), uri);
                assertRouteRefused(allow.verify("ella", "POST", uri)); // every right, but not an administrator
                assertRouteRefused(allow.verify("root scoped", "POST", uri));
            }
        }
    }

    @Test
    void withDenyOnlyAdministratorsPassAndWithAllowEveryoneButScopedKeys() throws Exception {
        try (Server deny = new Server(AccessRules.Unmatched.DENY)) {
            assertEquals(200, deny.verify("root", "GET", "/v1/threads").statusCode());
            assertRouteRefused(deny.verify("ella", "GET", "/v1/threads"));
            assertRouteRefused(deny.verify("root scoped", "GET", "/v1/threads"));
            assertEquals(200, deny.verify("dora", "GET", "/v1/models").statusCode());
            assertEquals(200, deny.verify("ella", "POST", "/v1/chat/completions?model=x").statusCode());
        }
        try (Server allow = new Server(AccessRules.Unmatched.ALLOW)) {
            assertEquals(200, allow.verify("dora", "GET", "/v1/threads").statusCode());
            assertRouteRefused(allow.verify("root scoped", "GET", "/v1/threads"));
            assertRouteRefused(allow.verify("ella scoped", "GET", "/v1/threads"));
        }
    }

    @Test
    void aPathSpeltToLookLikeAModelListIsCheckedForTheRouteItReaches() throws Exception {
        try (Server server = new Server(AccessRules.Unmatched.RESTRICTED)) {
            server.app.cli.permissions().put(Username.of("dora"), new Permissions(Map.of("images", false),
                    ModelAccess.everything()));
            // A '#' is part of the path a server gets (a request line has no fragment), so ".." after it applies.
            for (String uri : List.of("/v1/models#/../images/generations", "/v1/models/x%2F..%2F..%2Fimages%2Fgenerations",
                    "/v1/chat/completions/x/../../../images/generations", "/V1//IMAGES/./generations")) {
                HttpResponse<String> answer = server.verify("dora", "GET", uri);
                assertError(403, "forbidden", answer);
                assertEquals("images", RunningServer.json(answer).path("name").asText(), uri);
            }
            assertRouteRefused(server.verify("root scoped", "GET", "/v1/models#x"));
            assertEquals(200, server.verify("dora", "GET", "/v1/models").statusCode());
        }
    }

    @Test
    void aModelNameThatClimbsOutOfAnAllowedPatternIsRefused() throws Exception {
        try (Server server = new Server(AccessRules.Unmatched.RESTRICTED)) {
            server.app.cli.permissions().put(Username.of("dora"), new Permissions(Map.of(),
                    ModelAccess.only(List.of("llama-*"))));
            // LocalAI loads a model it has no configuration for as a file under its models directory.
            for (String model : List.of("llama-x/../mistral.gguf", "llama-x\\..\\mistral", "llama-3/./x", "..")) {
                HttpResponse<String> answer = server.app.send(server.app.post("/auth/verify", "{\"model\": \""
                        + model.replace("\\", "\\\\") + "\"}").header("Authorization", "Bearer " + server.keys.get("dora"))
                        .header("X-Forwarded-Method", "POST").header("X-Forwarded-Uri", "/v1/chat/completions").build());
                assertError(400, "bad_request", answer);
            }
            assertEquals(400, server.verify("ella", "GET", "/v1/chat/completions?model=llama-3/../mistral").statusCode(),
                    "not for users with every model either: the name is refused, not the user");
            assertEquals(200, server.app.send(server.app.post("/auth/verify", "{\"model\": \"llama-3.1/q4..k\"}")
                    .header("Authorization", "Bearer " + server.keys.get("dora")).header("X-Forwarded-Method", "POST")
                    .header("X-Forwarded-Uri", "/v1/chat/completions").build()).statusCode(), "dots inside a name are fine");
        }
    }
}
