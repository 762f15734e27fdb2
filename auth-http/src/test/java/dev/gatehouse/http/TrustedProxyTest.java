package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Behind a configured proxy, its X-Forwarded-For and X-Forwarded-Proto are believed. */
class TrustedProxyTest {

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
}
