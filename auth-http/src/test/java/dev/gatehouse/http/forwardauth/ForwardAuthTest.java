package dev.gatehouse.http.forwardauth;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.TrustedProxyTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /auth/verify}, as a reverse proxy asks it: 200 with the user and roles for a valid
 * session or key, else 401 — with a sign-in link for a browser opening a page, never to another site.
 */
class ForwardAuthTest {

    static final String PASSWORD = "correct horse battery";
    static final String STATIC = "static-key-0123456789abcdef";
    static RunningServer app;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer(s -> s.withAuth(AuthMode.AUTO, List.of(STATIC)));
        app.addAdmin("root", PASSWORD);
        app.addUser("amy", PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<String> verify(String... headers) {
        HttpRequest.Builder request = app.get("/auth/verify");
        return app.send((headers.length == 0 ? request : request.headers(headers)).build());
    }

    static Optional<String> header(HttpResponse<String> answer, String name) {
        return answer.headers().firstValue(name);
    }

    static void assertVerified(String user, String roles, HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("", answer.body());
        assertEquals(Optional.of(user), header(answer, "X-Gatehouse-User"));
        assertEquals(Optional.of(roles), header(answer, "X-Gatehouse-Roles"));
    }

    @Test
    void aValidSessionOrKeyPassesWithTheUserAndTheirRoles() {
        // A route of the table: a plain user has features off by default, so a path no rule maps is refused
        // to them (RouteTableTest).
        String[] route = {"X-Forwarded-Uri", "/v1/models"};
        assertVerified("root", "Admin,User", verify("Cookie", app.signIn("root", PASSWORD)));
        assertVerified("amy", "User", verify("Cookie", app.signIn("amy", PASSWORD), route[0], route[1]));
        String key = app.mintKey("amy").secret();
        assertVerified("amy", "User", verify("Authorization", "Bearer " + key, route[0], route[1]));
        assertVerified("amy", "User", verify("x-api-key", key, route[0], route[1]));
        assertVerified("apikey", "Admin,User", verify("x-api-key", STATIC));
    }

    @Test
    void anythingElseIs401WithoutASignInLinkForProgramsAndNeverARedirect() {
        var revoked = app.mintKey("amy");
        app.cli.apiKeys().update(revoked.key().id(), k -> k.revoked(java.time.Instant.now()));
        String cookie = app.signIn("amy", PASSWORD);
        List<HttpResponse<String>> refused = List.of(verify(), verify("Authorization", "Bearer " + revoked.secret()),
                verify("Cookie", cookie, "x-api-key", "sk-wrong-key"), verify("Cookie", "gatehouse_session=forged"),
                verify("Accept", "*/*", "X-Original-URI", "/app/"),
                verify("Accept", "text/html", "X-Forwarded-Method", "POST", "X-Forwarded-Uri", "/app/"));
        for (HttpResponse<String> answer : refused) {
            assertError(401, "unauthenticated", answer);
            assertEquals(Optional.empty(), header(answer, "X-Gatehouse-Login"), answer.request().headers().toString());
            assertEquals(Optional.empty(), header(answer, "X-Gatehouse-User"));
        }
    }

    @Test
    void aBrowserOpeningAPageIsToldWhereToSignInAndComeBack() {
        String html = "text/html,application/xhtml+xml,*/*;q=0.8";
        assertEquals(Optional.of("/login?next=%2Fapp%2Fpage%3Fx%3D1"),
                header(verify("Accept", html, "X-Original-URI", "/app/page?x=1"), "X-Gatehouse-Login"));
        assertEquals(Optional.of("/login?next=%2Fgrafana%2F"), header(verify("Accept", html, "X-Forwarded-Method",
                "GET", "X-Forwarded-Uri", "/grafana/"), "X-Gatehouse-Login"));
        assertEquals(Optional.of("/login"), header(verify("Accept", html), "X-Gatehouse-Login"), "no original URI");
        for (String elsewhere : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "app/page")) {
            HttpResponse<String> answer = verify("Accept", html, "X-Original-URI", elsewhere);
            assertError(401, "unauthenticated", answer);
            assertEquals(Optional.of("/login"), header(answer, "X-Gatehouse-Login"), "never echoed: " + elsewhere);
        }
    }

    @Test
    void anAmbiguousDescriptionOfTheOriginalRequestIsRefusedBeforeAnythingElse() {
        String key = app.mintKey("amy").secret();
        List<String[]> ambiguous = List.of(
                // nginx sets X-Original-URI; a client's own X-Forwarded-Uri must not win, nor lose quietly.
                new String[] {"X-Original-URI", "/v1/chat/completions", "X-Forwarded-Uri", "/v1/models"},
                new String[] {"X-Forwarded-Uri", "/v1/chat/completions", "X-Forwarded-Uri", "/v1/models"},
                new String[] {"X-Original-URI", "/v1/chat/completions", "X-Original-URI", "/v1/models"},
                new String[] {"X-Forwarded-Method", "POST", "X-Original-Method", "GET"},
                new String[] {"X-Forwarded-Method", "POST", "X-Forwarded-Method", "GET"},
                new String[] {"X-Forwarded-Method", "GET, POST"},
                new String[] {"X-Forwarded-Host", "ai.example.com", "X-Forwarded-Host", "evil.example"},
                new String[] {"X-Forwarded-Proto", "https", "X-Forwarded-Proto", "http"},
                new String[] {"X-Gatehouse-Feature", "images", "X-Gatehouse-Feature", "chat"},
                new String[] {"X-Gatehouse-Model", "llama-3", "X-Gatehouse-Model", "gpt-4"});
        for (String[] headers : ambiguous) {
            // The original request is read before the caller is: ambiguity is refused to anyone. What to check is
            // read once there is a caller to check.
            boolean origin = !headers[0].startsWith("X-Gatehouse-");
            List<String[]> callers = origin ? List.of(new String[] {"x-api-key", key}, new String[] {"Accept", "text/html"})
                    : List.<String[]>of(new String[] {"x-api-key", key});
            for (String[] credentials : callers) {
                String[] sent = java.util.stream.Stream.concat(java.util.Arrays.stream(credentials),
                        java.util.Arrays.stream(headers)).toArray(String[]::new);
                HttpResponse<String> answer = verify(sent);
                assertError(400, "bad_request", answer);
                assertTrue(RunningServer.json(answer).path("message").asText().contains(headers[0]), answer.body());
                assertEquals(Optional.empty(), header(answer, "X-Gatehouse-User"), String.join(" ", sent));
                assertEquals(Optional.empty(), header(answer, "X-Gatehouse-Login"), String.join(" ", sent));
            }
        }
    }

    @Test
    void bothSpellingsOfTheOriginalRequestPassWhenTheyAgree() {
        String key = app.mintKey("amy").secret();
        assertVerified("amy", "User", verify("x-api-key", key, "X-Original-URI", "/v1/models", "X-Forwarded-Uri",
                "/v1/models", "X-Forwarded-Method", "get", "X-Original-Method", "GET", "X-Forwarded-Host", "ai.example.com"));
        assertEquals(Optional.of("/login?next=%2Fv1%2Fmodels"), header(verify("Accept", "text/html", "X-Original-URI",
                "/v1/models", "X-Forwarded-Uri", "/v1/models", "X-Original-Method", "GET"), "X-Gatehouse-Login"));
    }

    @Test
    void everyUserReachesTheAiServerUnderANameOfTheirOwnInAscii() {
        // Before, every character above U+00FF became '?': 日本 and 中国 both arrived as "??".
        List<String> names = List.of("日本", "中国", "%E6%97%A5%E6%9C%AC", "ann marie", "José");
        app.addUsers(names, PASSWORD);
        java.util.Map<String, String> user = new java.util.HashMap<>();
        java.util.Map<String, String> encoded = new java.util.HashMap<>();
        for (String name : names) {
            HttpResponse<String> answer = verify("x-api-key", app.mintKey(name).secret(), "X-Forwarded-Uri", "/v1/models");
            assertEquals(200, answer.statusCode(), answer.body());
            user.put(name, header(answer, "X-Gatehouse-User").orElseThrow());
            encoded.put(name, header(answer, "X-Gatehouse-User-Encoded").orElseThrow());
            assertEquals(name, java.net.URLDecoder.decode(encoded.get(name), java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(encoded.get(name).chars().allMatch(c -> c > 0x20 && c < 0x7f), encoded.get(name));
        }
        assertEquals("%E6%97%A5%E6%9C%AC", user.get("日本"));
        assertEquals("%E4%B8%AD%E5%9B%BD", user.get("中国"));
        assertEquals("%25E6%2597%25A5%25E6%259C%25AC", user.get("%E6%97%A5%E6%9C%AC"), "a '%' is encoded too");
        assertEquals("ann marie", user.get("ann marie"), "a plain ASCII name stays as it was");
        assertEquals("ann%20marie", encoded.get("ann marie"));
        assertEquals("Jos%C3%A9", user.get("José"));
        assertEquals(names.size(), new java.util.HashSet<>(user.values()).size(), user::toString);
        assertEquals(names.size(), new java.util.HashSet<>(encoded.values()).size(), encoded::toString);
        HttpResponse<String> amy = verify("x-api-key", app.mintKey("amy").secret(), "X-Forwarded-Uri", "/v1/models");
        assertEquals(Optional.of("amy"), header(amy, "X-Gatehouse-User-Encoded"));
    }

    @Test
    void beforeTheFirstUserOnlyTheStaticKeysPass() throws Exception {
        try (RunningServer fresh = new RunningServer(s -> s.withAuth(AuthMode.AUTO, List.of(STATIC)))) {
            assertError(401, "unauthenticated", fresh.send(fresh.get("/auth/verify").build()));
            assertEquals(200, fresh.send(fresh.get("/auth/verify").header("x-api-key", STATIC).build()).statusCode());
        }
    }

    @Test
    void theAuthModesApplyToo() throws Exception {
        try (RunningServer none = new RunningServer(s -> s.withAuth(AuthMode.NONE, List.of()))) {
            HttpResponse<String> anyone = none.send(none.get("/auth/verify").header("x-api-key", "sk-anything").build());
            assertEquals(Optional.of("default"), header(anyone, "X-Gatehouse-User"));
        }
        try (RunningServer keys = new RunningServer(s -> s.withAuth(AuthMode.APIKEY, List.of(STATIC)))) {
            keys.addUser("amy", PASSWORD);
            assertEquals(200, keys.send(keys.get("/auth/verify").header("x-api-key", STATIC).build()).statusCode());
            assertEquals(401, keys.send(keys.get("/auth/verify").header("x-api-key", keys.mintKey("amy").secret())
                    .build()).statusCode(), "--auth apikey: only the static keys");
        }
    }

    /**
     * The AI server behind forward auth gets the same CSRF baseline as Gatehouse's own API: a
     * request authenticated by the session cookie that a page of another origin sent (a sibling
     * subdomain is same-site, so SameSite=Lax lets the cookie go along) is refused, WebSocket
     * upgrades included; the proxy's own name for the site (X-Forwarded-Host and -Proto) is the
     * origin. Keys, which no browser adds by itself, and requests without an Origin pass.
     */
    @Test
    void aSessionSentByAPageOfAnotherOriginIsRefusedToTheAiServer() throws Exception {
        String cookie = "Cookie: " + app.signIn("amy", PASSWORD);
        String key = "x-api-key: " + app.mintKey("amy").secret();
        String[] proxied = {"X-Forwarded-Method: GET", "X-Forwarded-Uri: /v1/models", "X-Forwarded-Host: ai.example.com",
                "X-Forwarded-Proto: https"};
        for (String page : List.of("Origin: https://evil.example.com", "Origin: http://ai.example.com",
                "Origin: https://ai.example.com:8443", "Origin: null")) {
            assertEquals("403 csrf", checked(proxied, cookie, page), page);
            assertEquals("403 csrf", checked(proxied, cookie, page, "Upgrade: websocket", "Connection: Upgrade"), page);
            assertEquals("200", checked(proxied, key, page), "a key from " + page);
        }
        assertEquals("403 csrf", checked(proxied, cookie, "Origin: https://ai.example.com", "Origin: https://evil.example"));
        assertEquals("200", checked(proxied, cookie, "Origin: https://ai.example.com"));
        assertEquals("200", checked(proxied, cookie, "Origin: https://AI.example.com:443"));
        assertEquals("200", checked(proxied, cookie));
        // A proxy behind a TLS terminator may say http for its https pages.
        String[] plain = {"X-Forwarded-Method: GET", "X-Forwarded-Uri: /v1/models", "X-Forwarded-Host: ai.example.com",
                "X-Forwarded-Proto: http"};
        assertEquals("200", checked(plain, cookie, "Origin: https://ai.example.com"));
        assertEquals("403 csrf", checked(plain, cookie, "Origin: https://evil.example.com"));
    }

    /** {@code /auth/verify} as a proxy asks it (Host: gatehouse), with {@code headers}: the status and error code. */
    private static String checked(String[] proxied, String... headers) throws Exception {
        StringBuilder request = new StringBuilder("GET /auth/verify HTTP/1.1\r\nHost: gatehouse\r\n");
        for (String header : java.util.stream.Stream.concat(java.util.Arrays.stream(proxied), java.util.Arrays.stream(headers))
                .toList()) {
            request.append(header).append("\r\n");
        }
        String answer = TrustedProxyTest.raw(app, request.append("Connection: close\r\n\r\n").toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String status = answer.lines().findFirst().orElse("");
        return status.substring(status.indexOf(' ') + 1, status.indexOf(' ') + 4)
                + (answer.contains("\"error\":\"") ? " " + answer.replaceAll("(?s).*\"error\":\"([a-z_]+)\".*", "$1") : "");
    }
}
