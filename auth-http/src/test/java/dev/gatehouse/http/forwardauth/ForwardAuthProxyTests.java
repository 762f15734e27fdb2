package dev.gatehouse.http.forwardauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.http.testing.ProxyProcess;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.testing.WebSocketEcho;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A documented forward-auth configuration, run: a real proxy asking Gatehouse's {@code GET
 * /auth/verify} in front of a tiny AI server stand-in. Only requests with a working key or a
 * signed-in session reach it, as the user Gatehouse names. Each proxy's test names the proxy.
 */
abstract class ForwardAuthProxyTests {

    static final String PASSWORD = "alice horse battery staple";
    static final String ADMIN_PASSWORD = "admin horse battery staple";

    RunningServer gatehouse;
    private HttpServer upstream;
    ProxyProcess proxy;
    private final AtomicInteger upstreamCalls = new AtomicInteger();
    private final Map<String, String> lastSeen = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** Starts the proxy with its documented configuration, Gatehouse and the AI server on these ports. */
    abstract ProxyProcess startProxy(int gatehousePort, int upstreamPort) throws Exception;

    /** Skips the test on a machine without {@code executable}, unless under CI, where it must run. */
    static void needs(java.nio.file.Path executable, String install) {
        if (!Files.isExecutable(executable) && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("No " + executable + "; " + install + " to run the forward-auth test");
        }
    }

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            upstreamCalls.incrementAndGet();
            lastSeen.clear();
            // Every value, so a header sent twice shows as two.
            exchange.getRequestHeaders().forEach((name, values) -> lastSeen.put(name.toLowerCase(), String.join(" | ", values)));
            lastSeen.put(":body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "upstream".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        gatehouse = new RunningServer(List.of("127.0.0.1"));
        gatehouse.addAdmin("admin", ADMIN_PASSWORD);
        gatehouse.addUser("alice", PASSWORD);
        proxy = startProxy(gatehouse.server.getPort(), upstream.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (gatehouse != null) {
            gatehouse.close();
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @Test
    void aModelLimitedCallersHostileBodyNeverReachesTheAiServer() throws Exception {
        gatehouse.cli.permissions().put(dev.gatehouse.core.model.accounts.Username.of("alice"),
                new dev.gatehouse.core.model.rights.Permissions(Map.of(),
                        dev.gatehouse.core.model.rights.ModelAccess.only(List.of("llama-3"))));
        String key = gatehouse.mintKey("alice").secret();
        int before = upstreamCalls.get();
        // The proxy does not give the check the body; the AI server reads mistral from it whatever the query or
        // the label say, and whatever model header the client adds.
        for (String contentType : List.of("application/json", "text/plain")) {
            HttpResponse<String> hostile = send(HttpRequest.newBuilder(
                    URI.create(proxy.origin() + "/v1/chat/completions?model=llama-3"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
                    .header("X-Gatehouse-Model", "llama-3")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"mistral\", \"messages\": []}")));
            assertEquals(403, hostile.statusCode(), this::diagnose);
        }
        HttpResponse<String> engine = send(HttpRequest.newBuilder(
                URI.create(proxy.origin() + "/v1/engines/llama-3/completions"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"x\"}")));
        assertEquals(403, engine.statusCode(), this::diagnose);
        assertEquals(before, upstreamCalls.get(), "nothing reached the AI server");
        assertEquals(200, send(get("/v1/models").header("Authorization", "Bearer " + key)).statusCode(),
                "a route that uses no model still passes");
    }

    @Test
    void onlyKeyedOrSignedInRequestsReachTheAiServerAsTheirUser() throws Exception {
        HttpResponse<String> anonymous = send(get("/v1/models"));
        assertEquals(401, anonymous.statusCode(), this::diagnose);
        assertEquals("unauthenticated", RunningServer.json(anonymous).path("error").asText());
        assertEquals(0, upstreamCalls.get(), "nothing reached the AI server");

        HttpResponse<String> page = send(get("/chat?model=llama").header("Accept", "text/html,application/xhtml+xml"));
        assertEquals(302, page.statusCode(), this::diagnose);
        assertEquals("/login?next=%2Fchat%3Fmodel%3Dllama", page.headers().firstValue("Location").orElse(""));

        String cookie = gatehouse.signIn("alice", PASSWORD);
        JsonNode minted = RunningServer.json(gatehouse.json("POST", "/api/tokens", "{\"name\":\"proxy test\"}", cookie));
        String key = minted.path("key").asText();
        String id = minted.path("token").path("id").asText();
        assertTrue(key.startsWith("gate_"), minted::toString);

        HttpResponse<String> bearer = send(get("/v1/models").header("Authorization", "Bearer " + key)
                .header("X-Gatehouse-User", "admin"));
        assertEquals(200, bearer.statusCode(), this::diagnose);
        assertEquals("upstream", bearer.body());
        assertEquals("alice", lastSeen.get("x-gatehouse-user"), "the user Gatehouse names, not the client's header");
        assertEquals("User", lastSeen.get("x-gatehouse-roles"));
        assertFalse(lastSeen.containsKey("authorization"), "the key does not reach the AI server");

        HttpResponse<String> apiKey = send(HttpRequest.newBuilder(URI.create(proxy.origin() + "/v1/chat/completions"))
                .header("x-api-key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama\"}")));
        assertEquals(200, apiKey.statusCode(), this::diagnose);
        assertEquals("{\"model\":\"llama\"}", lastSeen.get(":body"), "the body reaches the AI server");
        assertEquals("alice", lastSeen.get("x-gatehouse-user"));
        assertFalse(lastSeen.containsKey("x-api-key"));

        HttpResponse<String> signedIn = send(get("/v1/models").header("Cookie", cookie));
        assertEquals(200, signedIn.statusCode(), this::diagnose);
        assertEquals("alice", lastSeen.get("x-gatehouse-user"));

        HttpResponse<String> wrong = send(get("/v1/models").header("Authorization", "Bearer gate_" + "x".repeat(49)));
        assertEquals(401, wrong.statusCode(), this::diagnose);

        assertEquals(204, gatehouse.json("DELETE", "/api/tokens/" + id, null, cookie).statusCode());
        int before = upstreamCalls.get();
        HttpResponse<String> revoked = send(get("/v1/models").header("Authorization", "Bearer " + key));
        assertEquals(401, revoked.statusCode(), this::diagnose);
        assertEquals(before, upstreamCalls.get(), "a revoked key gets nothing through");
    }

    @Test
    void gatehousesOwnPagesAndApiAreReachableThroughTheSameHost() throws Exception {
        HttpResponse<String> login = send(get("/login").header("Accept", "text/html"));
        assertEquals(200, login.statusCode(), this::diagnose);
        assertTrue(login.body().contains("Sign in"), login.body());

        HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(proxy.origin() + "/api/auth/login"))
                .header("Content-Type", "application/json").header("Origin", proxy.origin())
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}")));
        assertEquals(200, signIn.statusCode(), signIn.body());
        String cookie = RunningServer.cookie(RunningServer.token(signIn));
        assertEquals(200, send(get("/v1/models").header("Cookie", cookie)).statusCode(), this::diagnose);
        assertEquals(1, upstreamCalls.get(), "only the last request was the AI server's; /login and sign-in are Gatehouse's");
    }

    /** A page of another site (a sibling subdomain is same-site, so the cookie goes along) cannot use the session. */
    @Test
    void aPageOfAnotherSiteCannotUseTheSessionOnTheAiServer() throws Exception {
        String cookie = gatehouse.signIn("alice", PASSWORD);
        for (String page : List.of("https://evil.example", "null", "http://127.0.0.1:1")) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(proxy.origin() + "/v1/chat/completions"))
                    .header("Cookie", cookie).header("Origin", page).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama\"}")));
            assertEquals(403, refused.statusCode(), () -> page + ": " + diagnose());
            // (Here the proxy names a loopback host, so Micronaut's own guard against drive-by requests to
            // localhost refuses first, with an empty 403; ForwardAuthTest checks Gatehouse's csrf answer.)
        }
        assertEquals(0, upstreamCalls.get(), "nothing reached the AI server");
        HttpResponse<String> own = send(HttpRequest.newBuilder(URI.create(proxy.origin() + "/v1/chat/completions"))
                .header("Cookie", cookie).header("Origin", proxy.origin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama\"}")));
        assertEquals(200, own.statusCode(), this::diagnose);
        assertEquals(1, upstreamCalls.get());
    }

    @Test
    void aWebSocketUpgradeGetsThroughWithAKeyOrSessionAndIsRefusedWithout() throws Exception {
        try (WebSocketEcho echo = new WebSocketEcho()) {
            proxy.close();
            proxy = startProxy(gatehouse.server.getPort(), echo.port());
            URI socket = URI.create("ws://127.0.0.1:" + proxy.port + "/v1/realtime");
            String key = gatehouse.mintKey("alice").secret();

            assertEquals("echo: hello", exchange(http.newWebSocketBuilder().header("x-api-key", key), socket, "hello"),
                    this::diagnose);
            assertEquals("alice", echo.lastHeaders.get("x-gatehouse-user"), "the upgrade reached it as alice");
            assertFalse(echo.lastHeaders.containsKey("x-api-key"), "the key does not reach the AI server");
            String cookie = gatehouse.signIn("alice", PASSWORD);
            assertEquals("echo: from a browser", exchange(http.newWebSocketBuilder().header("Cookie", cookie), socket,
                    "from a browser"), this::diagnose);

            int before = echo.upgrades.get();
            assertEquals(401, refusedUpgrade(http.newWebSocketBuilder(), socket), this::diagnose);
            gatehouse.json("DELETE", "/api/tokens?user=alice", null, gatehouse.signIn("admin", ADMIN_PASSWORD));
            assertEquals(401, refusedUpgrade(http.newWebSocketBuilder().header("x-api-key", key), socket), this::diagnose);
            assertEquals(before, echo.upgrades.get(), "refused upgrades never reach the AI server");
        }
    }

    @Test
    void aClientsOwnDescriptionOfTheRequestNeverReachesTheCheck() throws Exception {
        String key = gatehouse.mintKey("alice").secret();
        gatehouse.cli.permissions().put(dev.gatehouse.core.model.accounts.Username.of("alice"), new dev.gatehouse.core.model.rights.Permissions(
                Map.of("chat", false), dev.gatehouse.core.model.rights.ModelAccess.everything()));
        assertEquals(200, send(get("/v1/models").header("Authorization", "Bearer " + key)).statusCode(), this::diagnose);
        int before = upstreamCalls.get();
        // Each a chat completion (which alice may not use) claiming to be the model list (which she may).
        List<String[]> spoofs = List.of(
                new String[] {"X-Forwarded-Uri", "/v1/models"},
                new String[] {"X-Original-URI", "/v1/models"},
                new String[] {"X-Forwarded-Uri", "/v1/models", "X-Original-URI", "/v1/models", "X-Forwarded-Method", "GET",
                        "X-Original-Method", "GET"},
                new String[] {"X-Forwarded-Uri", "/v1/models", "X-Forwarded-Uri", "/v1/models"},
                new String[] {"X-Forwarded-Method", "GET", "X-Forwarded-Method", "HEAD", "X-Forwarded-Host", "a",
                        "X-Forwarded-Host", "b", "X-Forwarded-Proto", "https", "X-Forwarded-Proto", "http"},
                new String[] {"X-Gatehouse-Feature", "images", "X-Gatehouse-Model", "llama", "X-Gatehouse-Model", "x"});
        for (String[] spoof : spoofs) {
            HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(proxy.origin() + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json").headers(spoof)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama\",\"messages\":[]}")));
            assertEquals(403, refused.statusCode(), () -> String.join(" ", spoof) + ": " + refused.body() + "\n" + diagnose());
            assertEquals("feature", RunningServer.json(refused).path("refused").asText(), refused.body());
        }
        assertEquals(before, upstreamCalls.get(), "no spoofed request reached the AI server");
    }

    @Test
    void aModelLimitedKeysPostIsRefusedWhenTheCheckCannotSeeItsModel() throws Exception {
        String llama = gatehouse.mintKey("alice", java.util.Set.of("models:llama-3")).secret();
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(proxy.origin() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + llama).header("Content-Type", "application/json")
                .header("X-Forwarded-Method", "GET").header("X-Original-Method", "GET")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4\"}")));
        assertEquals(403, refused.statusCode(), () -> refused.body() + "\n" + diagnose());
        assertEquals(0, upstreamCalls.get(), "the body's model was never checked, so nothing went on");
    }

    @Test
    void theAiServerGetsNeitherGatehousesCookiesNorAClientsIdentityHeaders() throws Exception {
        String cookie = gatehouse.signIn("alice", PASSWORD);
        String token = cookie.substring(cookie.indexOf('=') + 1);
        String[] forged = {"X-Gatehouse-User", "admin", "X-Gatehouse-User-Encoded", "admin", "X-Gatehouse-Roles", "Admin,User",
                "X-Gatehouse-Feature", "images", "X-Gatehouse-Model", "llama", "X-Gatehouse-Login", "/x",
                "X-Gatehouse-Refused", "model"};
        Map<String, String> kept = new java.util.LinkedHashMap<>();
        kept.put("theme=dark; " + cookie + "; lang=en; gatehouse_admin_session=zzz", "theme=dark; lang=en");
        kept.put(cookie + "; theme=dark", "theme=dark");
        kept.put("theme=dark;" + cookie, "theme=dark");
        kept.put(cookie, "");
        for (Map.Entry<String, String> sent : kept.entrySet()) {
            HttpResponse<String> through = send(get("/v1/models").header("Cookie", sent.getKey()).headers(forged));
            assertEquals(200, through.statusCode(), this::diagnose);
            assertEquals(sent.getValue(), lastSeen.getOrDefault("cookie", ""), sent.getKey());
            assertEquals("alice", lastSeen.get("x-gatehouse-user"));
            assertEquals("alice", lastSeen.get("x-gatehouse-user-encoded"));
            assertEquals("User", lastSeen.get("x-gatehouse-roles"));
            for (String gone : List.of("x-gatehouse-feature", "x-gatehouse-model", "x-gatehouse-login", "x-gatehouse-refused")) {
                assertEquals("", lastSeen.getOrDefault(gone, ""), gone + " of the client reached the AI server");
            }
            assertFalse(lastSeen.values().stream().anyMatch(value -> value.contains(token)), "the session reached it: " + lastSeen);
        }
        // Three of Gatehouse's cookies (a browser holding two scopes of one, and the administrator's kept session): none goes on.
        assertEquals(200, send(get("/v1/models").header("Cookie", cookie + "; a=1; __Secure-gatehouse_admin_session=x; " + cookie
                + "; b=2")).statusCode(), this::diagnose);
        assertFalse(lastSeen.getOrDefault("cookie", "").contains("gatehouse_"), lastSeen::toString);
        assertFalse(lastSeen.values().stream().anyMatch(value -> value.contains(token)), lastSeen::toString);
    }

    @Test
    void usersWhoseNamesAreNotAsciiReachTheAiServerUnderNamesOfTheirOwn() throws Exception {
        gatehouse.addUser("日本", PASSWORD);
        gatehouse.addUser("中国", PASSWORD);
        Map<String, String> seen = new java.util.LinkedHashMap<>();
        for (String name : List.of("日本", "中国")) {
            HttpResponse<String> through = send(get("/v1/models").header("x-api-key", gatehouse.mintKey(name).secret()));
            assertEquals(200, through.statusCode(), this::diagnose);
            seen.put(name, lastSeen.get("x-gatehouse-user") + " " + lastSeen.get("x-gatehouse-user-encoded"));
        }
        assertEquals("%E6%97%A5%E6%9C%AC %E6%97%A5%E6%9C%AC", seen.get("日本"));
        assertEquals("%E4%B8%AD%E5%9B%BD %E4%B8%AD%E5%9B%BD", seen.get("中国"));
    }

    /** Opens a WebSocket, sends {@code message}, and returns the first text answer. */
    @Test
    void aClientThatGuessesKeysIsToldToWaitThroughTheProxyAndGetsNothingThrough() throws Exception {
        String key = gatehouse.mintKey("alice").secret();
        for (int i = 0; i < 20; i++) {
            String guess = dev.gatehouse.core.service.apikeys.ApiKeyFormat.newKey(dev.gatehouse.core.port.out.SecureRandomSource.system());
            assertEquals(401, send(get("/v1/models").header("Authorization", "Bearer " + guess)).statusCode(),
                    this::diagnose);
        }
        int before = upstreamCalls.get();
        // The right key too, from the same address, until the wait is over: 429 and when to come back,
        // not the 500 nginx's auth_request makes of any answer but 2xx, 401 and 403.
        HttpResponse<String> held = send(get("/v1/models").header("Authorization", "Bearer " + key));
        assertEquals(429, held.statusCode(), this::diagnose);
        assertEquals("too_many_attempts", RunningServer.json(held).path("error").asText(), held.body());
        assertTrue(held.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"), held.headers()::toString);
        assertEquals(before, upstreamCalls.get(), "nothing reached the AI server");
    }

    private static String exchange(WebSocket.Builder builder, URI uri, String message) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                answer.complete(data.toString());
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        socket.sendText(message, true);
        String text = answer.get(10, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        return text;
    }

    /** The status of a refused WebSocket handshake. */
    private static int refusedUpgrade(WebSocket.Builder builder, URI uri) {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> builder.buildAsync(uri, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS));
        return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(proxy.origin() + path)).GET();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String diagnose() {
        return proxy.name() + " log:\n" + proxy.log();
    }
}
