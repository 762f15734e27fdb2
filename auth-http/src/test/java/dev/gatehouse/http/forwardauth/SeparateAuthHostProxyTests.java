package dev.gatehouse.http.forwardauth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.http.config.Portal;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.pages.BrowserIT;
import dev.gatehouse.http.testing.Chromium;
import dev.gatehouse.http.testing.ChromiumTests;
import dev.gatehouse.http.testing.ProxyProcess;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.SessionCookie;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The separate auth host layout in a real browser through a real proxy: docs/deployment.md's
 * two-host configuration, verbatim but for its names and ports, serves the portal as
 * {@code auth.gatehouse.test} and the AI server (a stand-in) as {@code ai.gatehouse.test} on one
 * port; Chromium resolves both names to 127.0.0.1 ({@code --host-resolver-rules}); Gatehouse runs
 * with {@code --portal-url http://auth.gatehouse.test:PORT --cookie-domain gatehouse.test}. Each
 * proxy's test names the proxy.
 */
abstract class SeparateAuthHostProxyTests {

    static final String PASSWORD = "alice horse battery staple";

    private static Chromium chromium;

    private HttpServer upstream;
    private ProxyProcess proxy;
    private RunningServer gatehouse;
    /** What each request that reached the AI server carried: its path, user header and cookies. */
    private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();

    /** Starts the proxy with its documented two-host configuration, Gatehouse and the AI server on these ports. */
    abstract ProxyProcess startProxy(int gatehousePort, int upstreamPort, String authName, String aiName) throws Exception;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launchOrSkip(List.of("--host-resolver-rules=MAP *.gatehouse.test 127.0.0.1"));
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            Map<String, String> request = new ConcurrentHashMap<>();
            request.put("path", exchange.getRequestURI().toString());
            request.put("user", String.valueOf(exchange.getRequestHeaders().getFirst("X-Gatehouse-User")));
            request.put("cookie", String.join(" | ", exchange.getRequestHeaders().getOrDefault("Cookie", List.of())));
            seen.add(request);
            byte[] body = "<!doctype html><title>AI chat</title><h1>The AI server's chat</h1>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        // The proxy first, for its port: the portal's URL names it. Gatehouse gets a port chosen beforehand.
        int gatehousePort = ProxyProcess.freePort();
        proxy = startProxy(gatehousePort, upstream.getAddress().getPort(), "auth.gatehouse.test", "ai.gatehouse.test");
        gatehouse = new RunningServer(settings -> new ServerSettings(settings.host(), gatehousePort, settings.storeUrl(),
                List.of("127.0.0.1")).withPortal(Portal.of(portal(), "gatehouse.test")));
        gatehouse.addUser("alice", PASSWORD);
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

    private String portal() {
        return "http://auth.gatehouse.test:" + proxy.port;
    }

    private String ai() {
        return "http://ai.gatehouse.test:" + proxy.port;
    }

    @Test
    void aBrowserGoesFromTheAiServerToThePortalAndBackSignedInWhileTheAiServerNeverSeesTheSession() {
        Page page = chromium.open();
        String chat = ai() + "/chat?model=llama";
        page.navigate(chat);
        page.waitForURL(portal() + "/login?next=" + URLEncoder.encode(chat, StandardCharsets.UTF_8));
        assertTrue(seen.isEmpty(), "nothing reached the AI server before signing in: " + seen + "\n" + proxy.log());

        BrowserIT.signIn(page, "alice", PASSWORD);
        page.waitForURL(chat);
        assertThat(page.locator("h1")).hasText("The AI server's chat");
        Map<String, String> served = served("/chat?model=llama");
        assertEquals("alice", served.get("user"), "the AI server learns who is calling");

        List<Cookie> cookies = page.context().cookies();
        Cookie session = cookies.stream().filter(c -> c.name.equals(SessionCookie.NAME)).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + cookies));
        assertEquals(".gatehouse.test", session.domain, "one cookie for both hosts");
        assertTrue(session.httpOnly, "scripts cannot read it");
        page.navigate(ai() + "/v1/models");
        assertEquals("alice", served("/v1/models").get("user"));
        for (Map<String, String> request : seen) {
            assertFalse(request.get("cookie").contains("gatehouse_") || request.get("cookie").contains(session.value),
                    "the session reached the AI server: " + request);
        }
    }

    /** The last request for {@code path} the AI server got (the browser also asks for /favicon.ico). */
    private Map<String, String> served(String path) {
        List<Map<String, String>> found = seen.stream().filter(r -> r.get("path").equals(path)).toList();
        assertFalse(found.isEmpty(), () -> path + " never reached the AI server: " + seen);
        return found.get(found.size() - 1);
    }

    @Test
    void aPageOnTheAiServersHostCannotUseTheSessionOnThePortalAndASignInGoesNowhereElse() {
        Page page = chromium.open();
        ChromiumTests.signInTo(page, portal(), "/tokens", "alice", PASSWORD);
        page.navigate(ai() + "/chat");
        assertThat(page.locator("h1")).hasText("The AI server's chat");

        // A script of the AI server's page: the browser sends the cookie along (same site), Gatehouse refuses
        // (another origin), and the session lives on.
        String signOut = "url => fetch(url, {method: 'POST', mode: 'no-cors', credentials: 'include'}).then(() => 'sent')";
        assertEquals("sent", page.evaluate(signOut, portal() + "/api/auth/logout"));
        page.navigate(ai() + "/chat");
        page.waitForURL(ai() + "/chat");
        assertThat(page.locator("h1")).hasText("The AI server's chat");

        for (String elsewhere : List.of("http://evil.test/", "http://gatehouse.test.evil.test/", "//evil.test/",
                "http://evil.test\\@ai.gatehouse.test/", "javascript:alert(1)")) {
            page.navigate(portal() + "/login?next=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8));
            page.waitForURL(portal() + "/account");
        }

        // The very same request from the portal's own page signs out, on both hosts.
        assertEquals("sent", page.evaluate(signOut, portal() + "/api/auth/logout"));
        page.navigate(ai() + "/chat");
        page.waitForURL(portal() + "/login?next=" + URLEncoder.encode(ai() + "/chat", StandardCharsets.UTF_8));
        assertTrue(page.context().cookies().stream().noneMatch(c -> c.name.contains("gatehouse_session")),
                page.context().cookies()::toString);
    }
}
