package dev.gatehouse.http.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.GatehouseServer;
import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.TrustedProxyTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * --auth none lets everyone in as "default" (or a key's owner); --auth apikey accepts only the
 * configured keys; a configured key too short to be safe stops the start.
 */
class AuthModesTest {

    @Test
    void withAuthNoneEveryRequestIsTheDefaultAdministratorAndNoSetupIsAsked() throws Exception {
        try (RunningServer app = new RunningServer(s -> s.withAuth(AuthMode.NONE, List.of()))) {
            HttpResponse<String> me = app.send(app.get("/api/me").build());
            assertEquals(200, me.statusCode(), me.body());
            assertTrue(me.body().contains("\"username\":\"default\"") && me.body().contains("\"admin\":true"), me.body());
            assertTrue(GatehouseServer.setupUrl(app.server).isEmpty());
            assertTrue(GatehouseServer.startMessage(app.server).contains("WARNING"));
            HttpResponse<String> avatar = app.send(app.get("/api/users/default/avatar").build());
            assertEquals(200, avatar.statusCode(), "the built-in user's menu has a picture too");
        }
    }

    /** A request with the Host (and other headers) a browser on a rebound name would send; the status line back. */
    private static String statusFor(RunningServer app, String method, String path, String host, String... headers)
            throws Exception {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        boolean body = !method.equals("GET");
        request.append(body ? "Content-Type: application/json\r\nContent-Length: 2\r\n" : "")
                .append("Connection: close\r\n\r\n").append(body ? "{}" : "");
        String answer = TrustedProxyTest.raw(app, request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String status = answer.lines().findFirst().orElse("");
        return status.substring(status.indexOf(' ') + 1, status.indexOf(' ') + 4)
                + (answer.contains("\"error\":\"") ? " " + answer.replaceAll("(?s).*\"error\":\"([a-z_]+)\".*", "$1") : "");
    }

    @Test
    void withAuthNoneOnlyAddressesLocalhostAndAllowedNamesAreAnsweredAgainstDnsRebinding() throws Exception {
        try (RunningServer app = new RunningServer(s -> s.withAuth(AuthMode.NONE, List.of())
                .withAllowedHosts(List.of("gatehouse.lan", "*.home.example")))) {
            int port = app.server.getPort();
            for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "192.0.2.7",
                    "gatehouse.lan:" + port, "GATEHOUSE.LAN.", "ai.home.example")) {
                assertEquals("200", statusFor(app, "GET", "/api/me", host), host);
            }
            for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1.nip.io:" + port,
                    "localhost.evil.example", "home.example", "gatehouse.lan.evil.example", "")) {
                assertEquals("421 host_not_allowed", statusFor(app, "GET", "/api/me", host), host);
                assertEquals("421 host_not_allowed", statusFor(app, "POST", "/api/admin/users", host,
                        "Origin: http://" + host), host);
            }
            assertEquals("403 csrf", statusFor(app, "POST", "/api/admin/users", "127.0.0.1:" + port,
                    "Origin: http://evil.example:" + port), "a foreign page's state change");
            assertEquals("200", statusFor(app, "GET", "/healthz", "evil.example"), "health answers any name");
        }
    }

    @Test
    void onLoopbackOtherModesRefuseForeignNamesTooButNotFromATrustedProxy() throws Exception {
        try (RunningServer app = new RunningServer(s -> s)) {
            app.addUser("admin", "correct horse battery");
            assertEquals("421 host_not_allowed", statusFor(app, "GET", "/login", "evil.example"));
            assertEquals("200", statusFor(app, "GET", "/login", "localhost"));
        }
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("admin", "correct horse battery");
            assertEquals("200", statusFor(app, "GET", "/login", "gatehouse.example.org"),
                    "behind a trusted proxy the proxy picks the names it serves");
        }
    }

    @Test
    void anAllowedHostThatIsNoHostNameStopsTheStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ServerSettings("127.0.0.1", 0, "sqlite:x.db", List.of()).withAllowedHosts(List.of("https://a.example/")));
        assertTrue(e.getMessage().contains("without scheme, port or path"), e.getMessage());
    }

    @Test
    void withAuthApikeyOnlyTheConfiguredKeysGetInEitherHeaderWorks() throws Exception {
        String key = "sk-local-0123456789abcdef";
        try (RunningServer app = new RunningServer(s -> s.withAuth(AuthMode.APIKEY, List.of("other-key", key)))) {
            assertEquals(401, app.send(app.get("/api/me").build()).statusCode());
            assertEquals(401, app.send(app.get("/api/me").header("Authorization", "Bearer wrong").build()).statusCode());
            HttpResponse<String> bearer = app.send(app.get("/api/me").header("Authorization", "Bearer " + key).build());
            assertEquals(200, bearer.statusCode(), bearer.body());
            assertTrue(bearer.body().contains("\"username\":\"apikey\""), bearer.body());
            assertEquals(200, app.send(app.get("/api/me").header("x-api-key", key).build()).statusCode());
            assertEquals(200, app.send(app.get("/healthz").build()).statusCode(), "health stays public");
        }
    }

    @Test
    void apikeyModeWithoutKeysRefusesToStartAndSaysWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ServerSettings("127.0.0.1", 0, "sqlite:x.db", List.of()).withAuth(AuthMode.APIKEY, List.of()));
        assertTrue(e.getMessage().contains("GATEHOUSE_API_KEYS"), e.getMessage());
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> AuthMode.parse("github"));
        assertTrue(mode.getMessage().contains("auto, none or apikey"), mode.getMessage());
    }

    @Test
    void withAuthApikeyUsersKeysAndSessionsDoNotCount() throws Exception {
        String key = "sk-local-0123456789abcdef";
        try (RunningServer app = new RunningServer(s -> s.withAuth(AuthMode.APIKEY, List.of(key)))) {
            app.addUser("amy", "correct horse battery");
            assertEquals(401, app.keyed("GET", "/api/me", null, app.mintKey("amy").secret()).statusCode());
            HttpResponse<String> login = app.login("amy", "correct horse battery");
            assertEquals(401, app.me(RunningServer.cookie(RunningServer.token(login))), login.body());
            assertEquals(200, app.keyed("GET", "/api/tokens", null, key).statusCode());
        }
    }

    @Test
    void withAuthNoneAValidKeyActsAsItsOwnerAndAnyOtherKeyIsIgnored() throws Exception {
        try (RunningServer app = new RunningServer(s -> s.withAuth(AuthMode.NONE, List.of()))) {
            app.addUser("amy", "correct horse battery");
            String amys = app.mintKey("amy").secret();
            assertTrue(app.keyed("GET", "/api/me", null, amys).body().contains("\"username\":\"amy\""));
            HttpResponse<String> junk = app.keyed("GET", "/api/me", null, "sk-no-key-needed");
            assertTrue(junk.body().contains("\"username\":\"default\""), junk.body());
        }
    }

    @Test
    void aStaticKeyTooShortToBeSafeStopsTheStartAndSaysWhichAndWhatToDo() {
        ServerSettings base = new ServerSettings("127.0.0.1", 0, "sqlite:x.db", List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> base.withAuth(AuthMode.AUTO, List.of("long-enough-key", "short")));
        assertTrue(e.getMessage().contains("Key 2 in GATEHOUSE_API_KEYS") && e.getMessage().contains("at least 8"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.fromEnvironment(
                java.util.Map.of("GATEHOUSE_API_KEYS", "abc"), "/home/x"));
    }
}
