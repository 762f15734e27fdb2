package dev.gatehouse.http.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.RequestIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The access layer as an attacker tries it, over raw HTTP where a polite client would refuse to
 * send the request: keys with scopes on every route, HEAD and OPTIONS, path tricks, hostile
 * request ids, a key next to a session, and every route before the first administrator exists.
 */
class AttackOnTheAccessLayerTest {

    private static final String PASSWORD = "correct horse battery";
    /** The only routes a key with scopes reaches; everything else refuses it. */
    private static final Set<String> OPEN_TO_SCOPED_KEYS = Set.of("GET /api/me", "HEAD /api/me", "GET /api/me/models",
            "HEAD /api/me/models", "POST /api/me/models", "GET /api/me/permissions", "HEAD /api/me/permissions",
            "POST /api/tokens", "DELETE /api/tokens/{id}");

    static RunningServer app;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addAdmin("root", PASSWORD);
        app.addUser("alice", PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** An answer as the wire carried it. */
    record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Sends {@code method target} byte for byte as given, with {@code headers} (each "Name: value", sent unchanged). */
    private static Answer raw(RunningServer server, String method, String target, String... headers) {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        boolean body = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        if (body) {
            request.append("Content-Type: application/json\r\nContent-Length: 2\r\n");
        }
        request.append("\r\n").append(body ? "{}" : "");
        try (Socket socket = new Socket("127.0.0.1", server.server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (java.net.SocketTimeoutException e) {
                // HEAD answers may keep the socket open; what arrived is enough.
            }
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            int status = head.isEmpty() ? -1 : Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, end < 0 ? "" : text.substring(end + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKeyWithScopesButNoManagementReachesOnlyItsFewRoutesOnEveryRouteTheRouterHas() {
        List<String> keys = List.of(app.mintKey("alice", Set.of("models:*")).secret(),
                app.mintKey("alice", Set.of("chat")).secret(), app.mintKey("root", Set.of("models:*")).secret(),
                app.mintKey("root", Set.of("chat")).secret());
        List<String> leaks = new ArrayList<>();
        for (AccessTest.Route route : AccessTest.routes(app)) {
            if (route.rule().isPublic()) {
                continue;
            }
            String what = route.method() + " " + route.template();
            for (String key : keys) {
                Answer answer = raw(app, route.method(), route.path(), "Authorization: Bearer " + key);
                // POST /api/tokens answers an unscoped ask itself: the key must ask for narrower scopes.
                boolean reached = answer.status() != 401 && answer.status() != 403 || answer.body().contains("the keys it makes");
                if (reached != OPEN_TO_SCOPED_KEYS.contains(what) && !what.equals("DELETE /api/tokens/{id}")) {
                    leaks.add(what + " -> " + answer);
                }
                if (what.equals("DELETE /api/tokens/{id}") && answer.status() != 403) {
                    leaks.add(what + " (another key's id) -> " + answer);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void headAndOptionsOnProtectedRoutesAnswerNothingToAnonymousCallersOrUsers() {
        String alice = app.signIn("alice", PASSWORD);
        List<String> leaks = new ArrayList<>();
        for (AccessTest.Route route : AccessTest.routes(app)) {
            if (route.rule().isPublic() || !route.method().equals("GET")) {
                continue;
            }
            for (String method : List.of("HEAD", "OPTIONS")) {
                Answer anonymous = raw(app, method, route.path());
                if (anonymous.status() < 400 || anonymous.body().contains("root")) {
                    leaks.add(method + " " + route.template() + " anonymous -> " + anonymous);
                }
                if (route.rule().adminOnly()) {
                    Answer user = raw(app, method, route.path(), "Cookie: " + alice);
                    if (user.status() < 400 || user.body().contains("root")) {
                        leaks.add(method + " " + route.template() + " as alice -> " + user);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void pathTricksNeverReachTheAdministratorsRoutesForAnonymousCallersOrUsers() {
        String alice = app.signIn("alice", PASSWORD);
        String root = app.signIn("root", PASSWORD);
        assertTrue(raw(app, "GET", "/api/admin/users", "Cookie: " + root).body().contains("alice"), "the real route answers");
        List<String> tricks = List.of("/api/admin/users/%2e%2e", "/api/admin/users/%2e%2e/users", "//api/admin/users",
                "/api/admin/users/", "/API/ADMIN/users", "/api/admin/users;jsessionid=x", "/api/admin/users/;x",
                "/api%2fadmin%2fusers", "/api%2Fadmin/users", "/api/./admin/users", "/api/me/../admin/users",
                "/api/me/%2e%2e/admin/users", "/api/admin//users", "/api/admin/users%00", "/api/admin/users?x=/api/me",
                "/api/admin/users#frag", "/%61pi/admin/users", "/api/admin/%75sers", "/metrics/", "//metrics", "/admin/",
                "/ADMIN", "/api/admin/users/alice/", "/api/admin/users/alice;x", "http://127.0.0.1/api/admin/users");
        List<String> leaks = new ArrayList<>();
        for (String path : tricks) {
            for (String cookie : new String[] {null, alice}) {
                Answer answer = cookie == null ? raw(app, "GET", path) : raw(app, "GET", path, "Cookie: " + cookie);
                boolean refused = answer.status() >= 400 && !answer.body().contains("\"username\":\"root\"")
                        && !answer.body().contains("gatehouse_http_") && !answer.body().contains("\"users\"");
                if (!refused) {
                    leaks.add(path + (cookie == null ? " anonymous" : " as alice") + " -> " + answer);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void anUntrustedClientsHostileRequestIdIsReplacedAndNeverEchoedNorLogged() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger rootLogger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.setContext(rootLogger.getLoggerContext());
        log.start();
        rootLogger.addAppender(log);
        try {
            String huge = "A".repeat(10 * 1024);
            List<String[]> hostile = List.of(
                    new String[] {"X-Request-Id: evil\nX-Injected: yes", "X-Injected"},
                    new String[] {"X-Request-Id: evil\rX-Injected: yes", "X-Injected"},
                    new String[] {"X-Request-Id: evil%0d%0aX-Injected:%20yes", "X-Injected"},
                    new String[] {"X-Request-Id: " + huge, huge},
                    new String[] {"X-Request-Id: " + "B".repeat(5000), "B".repeat(5000)},
                    new String[] {"X-Request-Id: plain-but-untrusted-1234", "plain-but-untrusted-1234"});
            for (String[] probe : hostile) {
                for (String path : List.of("/api/me", "/healthz", "/nowhere")) {
                    Answer answer = raw(app, "GET", path, probe[0]);
                    String id = answer.header(RequestIds.HEADER);
                    // A bare CR or LF inside a header breaks HTTP itself, and 10 KB of header is more than Netty
                    // reads: both are refused (400, 413) before any filter runs, so there is no id to give.
                    boolean refusedAsMalformed = id == null && (answer.status() == 400 || answer.status() == 413);
                    assertTrue(refusedAsMalformed || id != null && id.matches("[0-9a-f]{16}"),
                            path + " " + probe[1].length() + ": " + answer.head());
                    assertFalse(answer.head().contains(probe[1]) || answer.body().contains(probe[1])
                            || answer.head().toLowerCase().contains("x-injected"), answer.head() + "\n" + answer.body());
                }
            }
            for (ILoggingEvent event : List.copyOf(log.list)) {
                String line = event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + event.getKeyValuePairs();
                for (String[] probe : hostile) {
                    assertFalse(line.contains(probe[1]) || line.contains("evil"), "logged: " + line);
                }
            }
        } finally {
            rootLogger.detachAppender(log);
        }
    }

    @Test
    void evenATrustedProxyMayOnlyChooseAShortPlainRequestId() throws Exception {
        try (RunningServer behindProxy = new RunningServer(List.of("127.0.0.1"))) {
            assertEquals("proxy-id-42", raw(behindProxy, "GET", "/healthz", "X-Request-Id: proxy-id-42").header(RequestIds.HEADER));
            for (String id : List.of("C".repeat(65), "C".repeat(5000), "has space", "semi;colon", "evil%0d%0aX-Injected:%20yes")) {
                Answer answer = raw(behindProxy, "GET", "/api/me", "X-Request-Id: " + id);
                assertTrue(answer.header(RequestIds.HEADER).matches("[0-9a-f]{16}"), id + ": " + answer.head());
                assertFalse(answer.body().contains(id), answer.body());
            }
        }
    }

    @Test
    void aClientThatNamesATrustedProxyInForwardingHeadersDoesNotBecomeOne() throws Exception {
        try (RunningServer server = new RunningServer(List.of("10.0.0.1"))) {
            for (String forwarded : List.of("X-Forwarded-For: 10.0.0.1", "Forwarded: for=10.0.0.1", "X-Real-IP: 10.0.0.1",
                    "X-Forwarded-For: 127.0.0.1, 10.0.0.1")) {
                Answer answer = raw(server, "GET", "/healthz", forwarded, "X-Request-Id: chosen-by-client");
                assertTrue(answer.header(RequestIds.HEADER).matches("[0-9a-f]{16}"), forwarded + ": " + answer.head());
            }
        }
    }

    @Test
    void aKeyWithScopesRevokesItselfButNoSiblingHoweverTheIdIsSpelled() {
        var mine = app.mintKey("alice", Set.of("models:*"));
        var sibling = app.mintKey("alice", Set.of("models:*"));
        String own = mine.key().id().value();
        String other = sibling.key().id().value();
        String bearer = "Authorization: Bearer " + mine.secret();
        for (String target : List.of("/api/tokens/" + other, "/api/tokens/" + own + "/../" + other,
                "/api/tokens/" + own + "%2f..%2f" + other, "/api/tokens/" + other + ";" + own, "/api/tokens/" + other + "?id=" + own,
                "/api/tokens/" + other.toUpperCase(java.util.Locale.ROOT), "/api/tokens/" + other.toLowerCase(java.util.Locale.ROOT),
                "/api/tokens?user=alice", "/api/tokens/%20" + other, "/api/tokens/" + other + "%00")) {
            Answer answer = raw(app, "DELETE", target, bearer);
            assertTrue(answer.status() == 403 || answer.status() == 404 || answer.status() == 400, target + " -> " + answer);
        }
        assertEquals(200, app.keyed("GET", "/api/me", null, sibling.secret()).statusCode(), "the sibling lives");
        assertEquals(204, raw(app, "DELETE", "/api/tokens/" + own, bearer).status());
        assertEquals(401, raw(app, "GET", "/api/me", bearer).status(), "the revoked key is refused");
    }

    @Test
    void aBadKeyNextToAGoodSessionIsRefusedAndAScopedKeyNextToAnAdministratorsSessionStaysScoped() {
        String alice = app.signIn("alice", PASSWORD);
        String root = app.signIn("root", PASSWORD);
        for (String header : List.of("Authorization: Bearer gh_not-a-real-key", "Authorization: bearer gh_not-a-real-key",
                "Authorization: BEARER  gh_not-a-real-key ", "x-api-key: gh_not-a-real-key")) {
            Answer answer = raw(app, "GET", "/api/me", "Cookie: " + alice, header);
            assertEquals(401, answer.status(), header + " -> " + answer);
            assertFalse(answer.body().contains("alice"), header + " -> " + answer);
        }
        // No key at all (an empty Bearer, another scheme) is not a bad key: the session speaks, and is
        // then held to the session's rules, so a foreign page gets nothing out of adding such a header.
        for (String header : List.of("Authorization: Bearer ", "Authorization: Basic cm9vdDpjb3JyZWN0", "x-api-key: ")) {
            assertTrue(raw(app, "GET", "/api/me", "Cookie: " + alice, header).body().contains("\"username\":\"alice\""), header);
            Answer foreign = raw(app, "POST", "/api/me/models", "Cookie: " + alice, header, "Origin: http://evil.example");
            assertEquals(403, foreign.status(), header + " from a foreign page -> " + foreign);
        }
        String scoped = app.mintKey("alice", Set.of("models:*")).secret();
        Answer admin = raw(app, "GET", "/api/admin/users", "Cookie: " + root, "Authorization: Bearer " + scoped);
        assertEquals(403, admin.status(), admin.toString());
        Answer me = raw(app, "GET", "/api/me", "Cookie: " + root, "Authorization: Bearer " + scoped);
        assertTrue(me.body().contains("\"username\":\"alice\""), "the key speaks, not the cookie: " + me);
        Answer badFirst = raw(app, "GET", "/api/me", "Authorization: Bearer gh_bad", "Authorization: Bearer " + scoped);
        assertEquals(401, badFirst.status(), "a bad key first: " + badFirst);
        Answer badKeyGoodHeader = raw(app, "GET", "/api/me", "Authorization: Bearer gh_bad", "x-api-key: " + scoped);
        assertEquals(401, badKeyGoodHeader.status(), "Authorization wins over x-api-key: " + badKeyGoodHeader);
    }

    @Test
    void beforeTheFirstAdministratorEveryRouteButSetupAndTheOpenOnesRefuses() throws Exception {
        try (RunningServer empty = new RunningServer()) {
            Set<String> open = Set.of("GET /api/setup", "HEAD /api/setup", "GET /setup", "HEAD /setup", "GET /healthz",
                    "HEAD /healthz", "GET /assets/{name}", "HEAD /assets/{name}", "GET /favicon.ico", "HEAD /favicon.ico",
                    "GET /openapi.yml", "HEAD /openapi.yml", "GET /readyz", "HEAD /readyz",
                    "GET /waiting", "HEAD /waiting"); // a static page that names nobody
            List<String> leaks = new ArrayList<>();
            for (AccessTest.Route route : AccessTest.routes(empty)) {
                String what = route.method() + " " + route.template();
                if (open.contains(what) || what.equals("POST /api/setup")) {
                    continue;
                }
                for (String accept : List.of("application/json", "text/html")) {
                    Answer answer = raw(empty, route.method(), route.path(), "Accept: " + accept, "Origin: " + empty.origin());
                    boolean toSetup = answer.status() == 303 && "/setup".equals(answer.header("Location"));
                    if (!(toSetup || answer.status() == 503 || answer.status() == 401 || answer.status() == 403
                            || answer.status() == 404)) {
                        leaks.add(what + " (" + accept + ") -> " + answer.status() + " " + answer.body().lines().findFirst().orElse(""));
                    }
                }
            }
            assertEquals(List.of(), leaks);
        }
    }

    @Test
    void aKeyWithScopesGetsNoFurtherWithPathTricks() {
        String key = app.mintKey("alice", Set.of("models:*")).secret();
        List<String> leaks = new ArrayList<>();
        for (String path : List.of("/api/me/../admin/users", "/api/me/%2e%2e/admin/users", "/api/me/models/../../admin/users",
                "/API/ME/../tokens", "/api/me%2f..%2ftokens", "/api/me/permissions/..;/..;/admin/users", "//api/tokens",
                "/api/tokens/", "/api/tokens;x", "/api/admin/users;/api/me", "/api/me;/../admin/users")) {
            for (String method : List.of("GET", "POST", "DELETE")) {
                Answer answer = raw(app, method, path, "Authorization: Bearer " + key);
                if (answer.status() < 400 && !answer.body().contains("\"username\":\"alice\"")
                        || answer.body().contains("\"username\":\"root\"") || answer.body().contains("\"tokens\"")) {
                    leaks.add(method + " " + path + " -> " + answer);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void aForeignPagesPreflightIsNotGrantedOnAnyProtectedRoute() {
        List<String> leaks = new ArrayList<>();
        for (String path : List.of("/api/admin/users", "/api/me", "/api/tokens", "/metrics")) {
            for (String method : List.of("GET", "POST", "DELETE")) {
                Answer answer = raw(app, "OPTIONS", path, "Origin: http://evil.example", "Access-Control-Request-Method: " + method,
                        "Access-Control-Request-Headers: authorization, content-type");
                String allowed = answer.header("Access-Control-Allow-Origin");
                if (allowed != null || "true".equals(answer.header("Access-Control-Allow-Credentials"))) {
                    leaks.add(method + " " + path + " -> " + answer.head());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void theAccessLogWritesNoKeyCookieSecretOrControlCharacterAClientSends() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger rootLogger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.setContext(rootLogger.getLoggerContext());
        log.start();
        rootLogger.addAppender(log);
        Logger access = rootLogger.getLoggerContext().getLogger(dev.gatehouse.http.config.LogSettings.ACCESS_LOGGER);
        ch.qos.logback.classic.Level level = access.getLevel();
        access.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            String key = app.mintKey("alice", Set.of("models:*")).secret();
            String cookie = app.signIn("alice", PASSWORD);
            raw(app, "GET", "/api/me?api_key=SECRETVALUE1&x=%0d%0aFAKE", "Authorization: Bearer " + key);
            raw(app, "GET", "/api/me?SECRETVALUE2SECRETVALUE2", "Cookie: " + cookie);
            raw(app, "GET", "/api/me/\u001b[31mRED%1b%0aFAKE", "x-api-key: " + key);
            raw(app, "GET", "/api/admin/users", "Authorization: Bearer gh_guessed-SECRETVALUE3");
            raw(app, "GET", "/api/me", "Authorization: Basic " + java.util.Base64.getEncoder()
                    .encodeToString("root:SECRETVALUE4".getBytes(StandardCharsets.UTF_8)));
            String token = cookie.substring(cookie.indexOf('=') + 1);
            List<String> lines = List.copyOf(log.list).stream().map(event -> event.getFormattedMessage() + " "
                    + event.getMDCPropertyMap() + " " + event.getKeyValuePairs()).toList();
            assertTrue(lines.stream().anyMatch(line -> line.contains("/api/admin/users")), "the access log is on: " + lines);
            for (String line : lines) {
                for (String secret : List.of(key, token, "SECRETVALUE", "\u001b", "\r", "\n", "\nFAKE")) {
                    assertFalse(line.contains(secret), "logged " + secret.codePoints().boxed().toList() + ": " + line);
                }
            }
        } finally {
            access.setLevel(level);
            rootLogger.detachAppender(log);
        }
    }
}
