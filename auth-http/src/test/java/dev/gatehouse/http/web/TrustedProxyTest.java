package dev.gatehouse.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.GatehouseServer;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Behind a configured proxy, its X-Forwarded-For and X-Forwarded-Proto are believed. */
public class TrustedProxyTest {

    @Test
    void aTrustedProxyNamesTheClientAndTheScheme() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("alice", "correct horse battery");
            HttpResponse<String> login = app.login("alice", "correct horse battery",
                    "X-Forwarded-For", "198.51.100.7, 203.0.113.9", "X-Forwarded-Proto", "https");
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.toLowerCase(Locale.ROOT).contains("; secure"), "TLS at the proxy means a Secure cookie: " + cookie);

            HttpResponse<String> me = app.send(app.get("/api/me")
                    .header("Cookie", SessionCookie.NAME + "=" + RunningServer.token(login)).build());
            assertTrue(me.body().contains("\"lastIp\":\"203.0.113.9\""), "the right-most hop the proxy saw: " + me.body());
        }
    }

    @Test
    void overTlsTheSessionCookieIsHostPrefixedAndSecureAndHstsIsSent() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("alice", "correct horse battery");
            HttpResponse<String> login = app.login("alice", "correct horse battery", "X-Forwarded-Proto", "https");
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            String lower = cookie.toLowerCase(Locale.ROOT);
            assertTrue(cookie.startsWith("__Host-gatehouse_session=") && lower.contains("; secure")
                    && lower.contains("; path=/") && !lower.contains("domain="), cookie);
            assertEquals("max-age=31536000", login.headers().firstValue("Strict-Transport-Security").orElse(""));
            String token = RunningServer.token(login);

            HttpResponse<String> me = app.send(app.get("/api/me").header("X-Forwarded-Proto", "https")
                    .header("Cookie", "__Host-gatehouse_session=" + token).build());
            assertEquals(200, me.statusCode(), me.body());
            HttpResponse<String> out = app.send(app.post("/api/auth/logout", "").header("X-Forwarded-Proto", "https")
                    .header("Origin", app.origin().replace("http://", "https://"))
                    .header("Cookie", "__Host-gatehouse_session=" + token).build());
            assertEquals(204, out.statusCode(), out.body());
            List<String> cleared = out.headers().allValues("Set-Cookie");
            assertTrue(cleared.stream().anyMatch(c -> c.startsWith("__Host-gatehouse_session=;"))
                    && cleared.stream().anyMatch(c -> c.startsWith("gatehouse_session=;")), cleared.toString());
        }
    }

    /**
     * Over TLS only the {@code __Host-} name signs in: the plain name can be set by a sibling
     * subdomain (Domain=) or by anyone on the network over plain HTTP, so a session planted under it
     * (the planter's own: login CSRF) must count for nothing, on the API and at forward auth alike.
     */
    @Test
    void overTlsAPlantedPlainSessionCookieSignsNobodyIn() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("mallory", "correct horse battery");
            String planted = RunningServer.token(app.login("mallory", "correct horse battery"));
            for (String cookie : List.of("gatehouse_session=" + planted, "a=1; gatehouse_session=" + planted)) {
                HttpResponse<String> me = app.send(app.get("/api/me").header("X-Forwarded-Proto", "https")
                        .header("Cookie", cookie).build());
                assertEquals(401, me.statusCode(), cookie + ": " + me.body());
                HttpResponse<String> verify = app.send(app.get("/auth/verify").header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Uri", "/v1/models").header("Cookie", cookie).build());
                assertEquals(401, verify.statusCode(), cookie + ": " + verify.body());
            }
            // Over plain HTTP the plain name is the session's own, and still signs in.
            assertEquals(200, app.send(app.get("/api/me").header("Cookie", "gatehouse_session=" + planted).build())
                    .statusCode());
        }
    }

    /**
     * Over TLS Gatehouse's own pages are https ones: a page of the same name over plain HTTP (which
     * anyone on the network can serve until HSTS holds) is another origin, so its state changes and
     * sign-ins are refused as from a foreign page.
     */
    @Test
    void overTlsAPageOfTheSameNameOverPlainHttpIsAForeignPage() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("alice", "correct horse battery");
            String token = RunningServer.token(app.login("alice", "correct horse battery", "X-Forwarded-Proto", "https"));
            String host = app.origin().substring("http://".length());
            for (String[] page : List.of(new String[] {"Origin", "http://" + host},
                    new String[] {"Referer", "http://" + host + "/tokens"})) {
                HttpResponse<String> mint = app.send(app.post("/api/tokens", "{}").header("Content-Type", "application/json")
                        .header("X-Forwarded-Proto", "https").header("Cookie", "__Host-gatehouse_session=" + token)
                        .header(page[0], page[1]).build());
                assertEquals(403, mint.statusCode(), page[1] + ": " + mint.body());
                assertTrue(mint.body().contains("\"error\":\"csrf\""), mint.body());
            }
            HttpResponse<String> signIn = app.login("alice", "correct horse battery", "X-Forwarded-Proto", "https",
                    "Origin", "http://" + host);
            assertEquals(403, signIn.statusCode(), signIn.body());
            HttpResponse<String> own = app.send(app.post("/api/tokens", "{}").header("Content-Type", "application/json")
                    .header("X-Forwarded-Proto", "https").header("Cookie", "__Host-gatehouse_session=" + token)
                    .header("Origin", "https://" + host).build());
            assertEquals(201, own.statusCode(), own.body());
        }
    }

    @Test
    void overPlainHttpOrWhenAnUntrustedPeerClaimsTlsTheCookieIsPlainAndNoHstsIsSent() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            for (HttpResponse<String> login : List.of(app.login("alice", "correct horse battery"),
                    app.login("alice", "correct horse battery", "X-Forwarded-Proto", "https"))) {
                String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
                assertTrue(cookie.startsWith("gatehouse_session=") && !cookie.toLowerCase(Locale.ROOT).contains("; secure"),
                        cookie);
                assertTrue(login.headers().firstValue("Strict-Transport-Security").isEmpty());
            }
        }
    }

    @Test
    void forwardedHopsAreReadAsIpLiteralsOnlyAndANameIsNeitherLookedUpNorTakenAsTheClient() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1", "10.0.0.2"))) {
            app.addUser("alice", "correct horse battery");
            String[][] cases = {
                    {"198.51.100.7:5555", "198.51.100.7"},
                    {"[2001:db8::1]:4711", "2001:db8:0:0:0:0:0:1"},
                    {"[2001:db8::2]", "2001:db8:0:0:0:0:0:2"},
                    {"2001:db8::3", "2001:db8:0:0:0:0:0:3"},
                    {"evil.example", "127.0.0.1"},              // a name: the client is unknown, the proxy stands for it
                    {"evil.example:443", "127.0.0.1"},
                    {"[evil.example]:443", "127.0.0.1"},
                    {"1.2.3", "127.0.0.1"},                     // what a resolver would read as 1.2.0.3
                    {"256.1.1.1", "127.0.0.1"},
                    {"localhost", "127.0.0.1"},
                    {"198.51.100.9, evil.example, 10.0.0.2", "10.0.0.2"}, // the trusted hop that passed the name on
            };
            for (String[] c : cases) {
                long start = System.nanoTime();
                HttpResponse<String> login = app.login("alice", "correct horse battery", "X-Forwarded-For", c[0]);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, login.statusCode(), login.body());
                assertTrue(millis < 2000, c[0] + " took " + millis + " ms");
                HttpResponse<String> me = app.send(app.get("/api/me")
                        .header("Cookie", SessionCookie.NAME + "=" + RunningServer.token(login)).build());
                assertTrue(me.body().contains("\"lastIp\":\"" + c[1] + "\""), c[0] + " -> " + me.body());
            }
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithJson() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            String big = "{\"username\":\"" + "a".repeat((int) GatehouseServer.MAX_REQUEST_SIZE + 10) + "\"}";
            HttpResponse<String> answer = app.send(app.post("/api/auth/login", big)
                    .header("Content-Type", "application/json").build());
            assertEquals(413, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"error\":\"request_too_large\""), answer.body());
        }
    }

    @Test
    void aChunkedBodyIsCountedAsItArrivesAndRefusedOverTheLimit() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            String small = "{\"username\":\"alice\",\"password\":\"correct horse battery\"}";
            String fine = raw(app, chunked("/api/auth/login", small.getBytes(StandardCharsets.UTF_8)));
            assertTrue(fine.startsWith("HTTP/1.1 200"), "a small chunked body is read as any: " + fine);

            byte[] twoMegabytes = ("{\"username\":\"alice\",\"password\":\"" + "a".repeat(2 * 1024 * 1024 - 40) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            assertTrue(twoMegabytes.length <= 2 * 1024 * 1024);
            for (String path : List.of("/api/auth/login", "/api/me/password", "/auth/verify")) {
                String answer = raw(app, chunked(path, twoMegabytes));
                assertTrue(answer.startsWith("HTTP/1.1 413"), path + ": " + answer.lines().findFirst().orElse(""));
                assertTrue(answer.contains("\"error\":\"request_too_large\"") && answer.contains("at most 1048576 bytes"),
                        answer);
            }
            byte[] threeMegabytes = new byte[3 * 1024 * 1024];
            java.util.Arrays.fill(threeMegabytes, (byte) 'a');
            String over = raw(app, chunked("/api/auth/login", threeMegabytes));
            assertTrue(over.isEmpty() || over.startsWith("HTTP/1.1 413"), over.lines().findFirst().orElse(""));
        }
    }

    @Test
    void aContentLengthThatUnderstatesTheBodyCutsTheBodyThere() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            byte[] body = ("{\"username\":\"alice\",\"password\":\"correct horse battery\"" + " ".repeat(2 * 1024 * 1024) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
            request.write(("POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            request.write(body);
            String answer = raw(app, request.toByteArray());
            assertTrue(answer.startsWith("HTTP/1.1 400"), "only the 100 bytes said are the body, half a JSON object: "
                    + answer.lines().findFirst().orElse(""));
            assertTrue(!answer.contains("Set-Cookie"), answer);
        }
    }

    /** A POST of {@code body} to {@code path} in 64 KB chunks, with no Content-Length. */
    private static byte[] chunked(String path, byte[] body) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int at = 0; at < body.length; at += 65536) {
            int n = Math.min(65536, body.length - at);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Sends {@code request} on a raw socket and reads the answer until the server closes; a reset reads as what came. */
    public static String raw(RunningServer app, byte[] request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.server.getPort())) {
            socket.setSoTimeout(20_000);
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                } catch (java.io.IOException e) {
                    // the server may answer and close before it has read everything
                }
            });
            writer.start();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketException e) {
                // reset after the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
