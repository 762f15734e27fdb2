package dev.gatehouse.http.forwardauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.config.Portal;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.testing.Raw;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.PageLinks;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The separate auth host layout through HTTP: Gatehouse's portal on {@code auth.gatehouse.test}, the
 * AI server on {@code ai.gatehouse.test} behind the proxy's check, the session cookie for
 * {@code gatehouse.test}. The server is reached as the trusted proxy (127.0.0.1) would reach it,
 * passing on the browser's {@code Host}; requests that must name a host go over a plain socket,
 * as java.net.http will not send a {@code Host} of the test's choosing.
 */
class SeparateAuthHostTest {

    static final String PORTAL = "http://auth.gatehouse.test";
    static final String AI = "http://ai.gatehouse.test";
    static final String PASSWORD = "alice horse battery staple";

    private RunningServer gatehouse;

    @BeforeEach
    void start() throws Exception {
        gatehouse = new RunningServer(settings -> new ServerSettings(settings.host(), settings.port(), settings.storeUrl(),
                List.of("127.0.0.1")).withPortal(Portal.of(PORTAL, "gatehouse.test")));
        gatehouse.addUser("alice", PASSWORD);
    }

    @AfterEach
    void stop() {
        gatehouse.close();
    }

    @Test
    void aSignInOnThePortalSetsTheSessionForTheCookieDomainAndSecureOverTls() {
        HttpResponse<String> plain = signInOnThePortal();
        assertEquals(200, plain.statusCode(), plain.body());
        String cookie = sessionCookie(plain, "gatehouse_session=");
        assertTrue(cookie.contains("Domain=gatehouse.test") && cookie.toLowerCase().contains("httponly")
                && cookie.contains("SameSite=Lax") && cookie.contains("Path=/") && !cookie.contains("Secure"), cookie);

        HttpResponse<String> tls = signInOnThePortal("X-Forwarded-Proto", "https");
        assertEquals(200, tls.statusCode(), tls.body());
        String secure = sessionCookie(tls, "__Secure-gatehouse_session=");
        assertTrue(secure.contains("Domain=gatehouse.test") && secure.contains("Secure"), secure);
        assertFalse(tls.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.matches("(__Host-)?gatehouse_session=[^;]+;.*")), "a host-only session is only ever cleared: "
                + tls.headers().allValues("Set-Cookie"));
    }

    @Test
    void theCheckSendsABrowserToThePortalWithTheWholeAddressToComeBackTo() {
        assertEquals(PORTAL + "/login?next=" + URLEncoder.encode(AI + "/chat?model=llama", StandardCharsets.UTF_8),
                login("http", "ai.gatehouse.test", "/chat?model=llama"));
        assertEquals(PORTAL + "/login?next=" + URLEncoder.encode("http://ai.gatehouse.test:8443/", StandardCharsets.UTF_8),
                login(null, "ai.gatehouse.test:8443", "/"));
        // An original host the session cookie does not reach, or no host at all: sign in, then My Account.
        for (String host : List.of("evil.net", "ai.gatehouse.test@evil.net", "gatehouse.test.evil.net", "ai.gatehouse.test\\",
                "")) {
            assertEquals(PORTAL + "/login", login("http", host, "/chat"), host);
        }
        assertEquals(PORTAL + "/login", login("javascript", "ai.gatehouse.test", "/chat"));
        assertEquals(PORTAL + "/login", login("http", "ai.gatehouse.test", "http://evil.net/chat"));
    }

    @Test
    void theDomainsCookieGetsABrowserThroughTheCheckOnTheAiServersHost() {
        String token = RunningServer.token(signInOnThePortal());
        HttpResponse<String> through = gatehouse.send(verify("http", "ai.gatehouse.test", "/chat")
                .header("Cookie", "gatehouse_session=" + token).build());
        assertEquals(200, through.statusCode(), through.body());
        assertEquals("alice", through.headers().firstValue(ForwardAuthController.USER).orElse(""));
    }

    @Test
    void aSignInGoesBackToHostsTheCookieReachesAndNowhereElse() {
        String cookie = gatehouse.signIn("alice", PASSWORD);
        assertEquals(AI + "/chat?model=llama", next(AI + "/chat?model=llama", cookie));
        assertEquals(PORTAL + "/tokens", next(PORTAL + "/tokens", cookie));
        assertEquals("http://gatehouse.test/", next("http://gatehouse.test", cookie));
        assertEquals("http://ai.gatehouse.test:8080/a%20b", next("HTTP://AI.gatehouse.TEST:8080/a b#frag", cookie));
        assertEquals("/admin", next("/admin", cookie));
        for (String hostile : List.of("https://evil.example/", "http://gatehouse.test.evil.net/", "http://evilgatehouse.test/",
                "http://evil.net\\@ai.gatehouse.test/", "http://evil.net\\.ai.gatehouse.test/", "//evil.net/",
                "///evil.net/", "/\\evil.net/", "http://user@ai.gatehouse.test/", "http://user:pw@ai.gatehouse.test/",
                "http://ai.gatehouse.test@evil.net/", "http://ai.gatehouse.test%2F@evil.net/", "http://ai.gatehouse.test%2eevil.net/",
                "http%3A%2F%2Fevil.net/", "http:%2F%2Fevil.net/", "http:/ai.gatehouse.test/", "http:evil.net",
                "http:\\\\evil.net/", "javascript:alert(document.cookie)", "JAVASCRIPT://ai.gatehouse.test/%0aalert(1)",
                "data:text/html,<script>alert(1)</script>", "http://ai.gatehouse.test/\r\nSet-Cookie: x=y",
                "http://ai.gatehouse.test\t.evil.net/", "http://ai.gatehouse.test./", "http://[::1]/", "http://127.0.0.1/",
                "ftp://ai.gatehouse.test/", "http://аi.gatehouse.test/", "http://ai.gatehouse.test:99999/",
                "http://ai.gatehouse.test/" + "a".repeat(2100))) {
            assertEquals(PageLinks.HOME, next(hostile, cookie), hostile);
        }
        // Encoded once more than the query needs: still a string that is no URL and no path.
        assertEquals(PageLinks.HOME, next(URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8), cookie));
    }

    @Test
    void theSignInPageCarriesTheAddressToGoBackToForItsScript() {
        HttpResponse<String> page = gatehouse.send(gatehouse.get("/login?next="
                + URLEncoder.encode(AI + "/chat?a=1&b=2", StandardCharsets.UTF_8)).header("Accept", "text/html").build());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("data-next=\"http://ai.gatehouse.test/chat?a=1&amp;b=2\""), page.body());
        HttpResponse<String> evil = gatehouse.send(gatehouse.get("/login?next="
                + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8)).header("Accept", "text/html").build());
        assertTrue(evil.body().contains("data-next=\"/account\""), evil.body());
    }

    @Test
    void aPageOfTheAiServersHostCannotChangeAnythingOnThePortal() {
        String token = RunningServer.token(signInOnThePortal());
        String cookie = "gatehouse_session=" + token;
        for (String foreign : List.of(AI, "http://gatehouse.test", "http://auth.gatehouse.test:8080", "http://evil.net", "null")) {
            HttpResponse<String> refused = Raw.send(gatehouse.server.getPort(), "POST", "/api/tokens",
                    "{\"name\":\"from the AI server\"}", "Host", "auth.gatehouse.test", "Content-Type", "application/json",
                    "Origin", foreign, "Cookie", cookie);
            RunningServer.assertError(403, "csrf", refused);
        }
        HttpResponse<String> portal = Raw.send(gatehouse.server.getPort(), "POST", "/api/tokens",
                "{\"name\":\"from the portal\"}", "Host", "auth.gatehouse.test", "Content-Type", "application/json",
                "Origin", PORTAL, "Cookie", cookie);
        assertEquals(201, portal.statusCode(), portal.body());
        // A proxy that passes another Host (the upstream's name): the portal's own pages still count as Gatehouse's.
        portal = Raw.send(gatehouse.server.getPort(), "POST", "/api/tokens", "{\"name\":\"through a renaming proxy\"}",
                "Host", "gatehouse", "Content-Type", "application/json", "Origin", PORTAL, "Cookie", cookie);
        assertEquals(201, portal.statusCode(), portal.body());
    }

    @Test
    void theDomainsCookieIsReadBeforeAHostOnlyOneLeftFromBefore() {
        String token = RunningServer.token(signInOnThePortal("X-Forwarded-Proto", "https"));
        String stale = "x".repeat(token.length());
        assertEquals(200, gatehouse.me("__Host-gatehouse_session=" + stale + "; __Secure-gatehouse_session=" + token));
    }

    @Test
    void withoutACookieDomainASecurePrefixedSessionIsNeverRead() throws Exception {
        try (RunningServer plain = new RunningServer(List.of("127.0.0.1"))) {
            plain.addUser("alice", PASSWORD);
            String token = RunningServer.token(plain.login("alice", PASSWORD));
            assertEquals(200, plain.me("gatehouse_session=" + token));
            // A sibling host could set this one; without a cookie domain it is no name of ours.
            assertEquals(401, plain.me("__Secure-gatehouse_session=" + token));
            // And without a portal an address elsewhere is never where a sign-in goes.
            HttpResponse<String> away = plain.send(plain.get("/login?next=" + URLEncoder.encode(AI + "/chat",
                    StandardCharsets.UTF_8)).header("Cookie", "gatehouse_session=" + token).build());
            assertEquals("/account", away.headers().firstValue("Location").orElse(""));
        }
    }

    @Test
    void aLoopbackServerReachedDirectlyAnswersToThePortalsNameAndNoOtherUnderTheDomain() throws Exception {
        try (RunningServer direct = new RunningServer(settings -> settings.withPortal(Portal.of(PORTAL, "gatehouse.test")))) {
            direct.addUser("alice", PASSWORD);
            int port = direct.server.getPort();
            assertEquals(200, Raw.send(port, "GET", "/login", null, "Host", "auth.gatehouse.test", "Accept", "text/html")
                    .statusCode());
            RunningServer.assertError(421, "host_not_allowed", Raw.send(port, "GET", "/api/me", null, "Host",
                    "ai.gatehouse.test"));
            RunningServer.assertError(421, "host_not_allowed", Raw.send(port, "GET", "/api/me", null, "Host",
                    "auth.gatehouse.test.evil.net"));
        }
    }

    @Test
    void signingOutClearsTheDomainsCookie() {
        String token = RunningServer.token(signInOnThePortal());
        HttpResponse<String> out = Raw.send(gatehouse.server.getPort(), "POST", "/api/auth/logout", "", "Host",
                "auth.gatehouse.test", "Origin", PORTAL, "Cookie", "gatehouse_session=" + token);
        assertEquals(204, out.statusCode(), out.body());
        assertTrue(out.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("gatehouse_session=;") && c.contains("Domain=gatehouse.test")
                        && c.contains("Max-Age=0")), out.headers().allValues("Set-Cookie")::toString);
        assertEquals(401, gatehouse.me("gatehouse_session=" + token));
    }

    /** A sign-in as the portal's page makes it, through the proxy that passes on {@code Host: auth.gatehouse.test}. */
    private HttpResponse<String> signInOnThePortal(String... headers) {
        String[] all = new String[headers.length + 6];
        System.arraycopy(new String[] {"Host", "auth.gatehouse.test", "Origin", PORTAL, "Content-Type", "application/json"},
                0, all, 0, 6);
        System.arraycopy(headers, 0, all, 6, headers.length);
        return Raw.send(gatehouse.server.getPort(), "POST", "/api/auth/login",
                "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}", all);
    }

    /** The session's Set-Cookie that starts with {@code prefix} and carries a value. */
    private static String sessionCookie(HttpResponse<String> response, String prefix) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(prefix) && !c.startsWith(prefix + ";")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + response.headers().allValues("Set-Cookie")));
    }

    /** Where {@code /login?next=} sends a browser that is signed in already. */
    private String next(String next, String cookie) {
        HttpResponse<String> answer = gatehouse.send(gatehouse.get("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                .header("Cookie", cookie).header("Accept", "text/html").build());
        assertEquals(303, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Location").orElse("");
    }

    /** The {@code X-Gatehouse-Login} of a refused page view that the proxy describes so. */
    private String login(String proto, String host, String uri) {
        HttpResponse<String> refused = gatehouse.send(verify(proto, host, uri).build());
        assertEquals(401, refused.statusCode(), refused.body());
        return refused.headers().firstValue(ForwardAuthController.LOGIN).orElse("(none)");
    }

    private HttpRequest.Builder verify(String proto, String host, String uri) {
        HttpRequest.Builder check = gatehouse.get("/auth/verify").header("Accept", "text/html,application/xhtml+xml")
                .header("X-Forwarded-Uri", uri).header("X-Forwarded-Method", "GET");
        if (proto != null) {
            check.header("X-Forwarded-Proto", proto);
        }
        if (!host.isEmpty()) {
            check.header("X-Forwarded-Host", host);
        }
        return check;
    }
}
