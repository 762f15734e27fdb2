package dev.gatehouse.http.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.GatehouseServer;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.SessionCookie;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** An empty store puts the server in setup mode: only setup answers, until the first admin exists. */
class SetupModeTest {

    private static HttpResponse<String> setUp(RunningServer app, String code, String name, String password) {
        return app.send(app.post("/api/setup", "{\"code\":\"" + code + "\",\"username\":\"" + name
                + "\",\"password\":\"" + password + "\"}").header("Content-Type", "application/json").build());
    }

    @Test
    void anEmptyStoreOnlyAnswersSetupAndTheCodeMakesTheFirstAdminWhoIsSignedIn() throws Exception {
        try (RunningServer app = new RunningServer()) {
            String url = GatehouseServer.setupUrl(app.server).orElseThrow();
            String code = GatehouseServer.setupCode(app.server).orElseThrow();
            assertEquals(app.origin() + "/setup#code=" + code, url);
            assertTrue(GatehouseServer.startMessage(app.server).contains(code), "the console shows the code");

            assertEquals("{\"setupRequired\":true}", app.send(app.get("/api/setup").build()).body());
            HttpResponse<String> me = app.send(app.get("/api/me").build());
            assertEquals(503, me.statusCode());
            assertTrue(me.body().contains("\"error\":\"setup_required\""), me.body());
            HttpResponse<String> login = app.login("admin", "whatever it is");
            assertEquals(503, login.statusCode(), "no sign-in before setup: " + login.body());
            HttpResponse<String> page = app.send(app.get("/account").header("Accept", "text/html").build());
            assertEquals(303, page.statusCode());
            assertEquals("/setup", page.headers().firstValue("Location").orElseThrow());
            assertEquals(200, app.send(app.get("/healthz").build()).statusCode());

            HttpResponse<String> wrong = setUp(app, "AAAA-AAAA-AAAA-AAAA", "root", "correct horse battery");
            assertEquals(403, wrong.statusCode());
            assertTrue(wrong.body().contains("\"error\":\"setup_code_invalid\""), wrong.body());
            HttpResponse<String> weak = setUp(app, code, "root", "short");
            assertEquals(400, weak.statusCode());
            assertTrue(weak.body().contains("\"error\":\"weak_password\""), weak.body());

            HttpResponse<String> done = setUp(app, code.toLowerCase(), "root", "correct horse battery");
            assertEquals(201, done.statusCode(), done.body());
            assertTrue(done.body().contains("\"admin\":true"), done.body());
            String cookie = SessionCookie.NAME + "=" + RunningServer.token(done);
            HttpResponse<String> mine = app.send(app.get("/api/me").header("Cookie", cookie).build());
            assertTrue(mine.body().contains("\"username\":\"root\""), mine.body());

            assertEquals("{\"setupRequired\":false}", app.send(app.get("/api/setup").build()).body());
            assertTrue(GatehouseServer.setupUrl(app.server).isEmpty());
            HttpResponse<String> again = setUp(app, code, "second", "correct horse battery");
            assertEquals(409, again.statusCode());
            assertTrue(again.body().contains("\"error\":\"setup_done\""), again.body());
        }
    }

    @Test
    void anAdminMadeByTheCliOnTheSameStoreEndsSetupModeInTheRunningServer() throws Exception {
        try (RunningServer app = new RunningServer()) {
            assertEquals(503, app.send(app.get("/api/me").build()).statusCode());
            app.addUser("admin", "correct horse battery");
            assertEquals(401, app.send(app.get("/api/me").build()).statusCode(), "now it asks for a session");
            assertEquals(200, app.login("admin", "correct horse battery").statusCode());
            assertFalse(GatehouseServer.startMessage(app.server).contains("setup"));
        }
    }

    @Test
    void wrongCodesAreThrottled() throws Exception {
        try (RunningServer app = new RunningServer()) {
            HttpResponse<String> last = null;
            for (int i = 0; i < 6; i++) {
                last = setUp(app, "AAAA-AAAA-AAAA-AAAA", "admin", "correct horse battery");
            }
            assertEquals(429, last.statusCode(), last.body());
            assertTrue(last.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void aMalformedSetupRequestSaysWhichFieldIsWrong() throws Exception {
        try (RunningServer app = new RunningServer()) {
            HttpResponse<String> answer = app.send(app.post("/api/setup", "{\"code\":\"x\",\"username\":\"admin\"}")
                    .header("Content-Type", "application/json").build());
            assertEquals(400, answer.statusCode());
            assertTrue(answer.body().contains("'password'"), answer.body());
        }
    }
}
