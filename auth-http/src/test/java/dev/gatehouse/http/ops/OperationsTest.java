package dev.gatehouse.http.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.SessionCookie;
import dev.gatehouse.http.wiring.SessionPurge;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an operator relies on: metrics for admins only, expired sessions purged, pages redirecting to sign-in. */
class OperationsTest {

    @Test
    void metricsAreForAdministratorsAndCountSignIns() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("admin", "correct horse battery");
            app.addUser("bob", "correct horse battery");
            app.login("bob", "wrong password");
            String admin = SessionCookie.NAME + "=" + RunningServer.token(app.login("admin", "correct horse battery"));
            String bob = SessionCookie.NAME + "=" + RunningServer.token(app.login("bob", "correct horse battery"));
            assertEquals(401, app.send(app.get("/metrics").build()).statusCode());
            HttpResponse<String> refused = app.send(app.get("/metrics").header("Cookie", bob).build());
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("\"error\":\"forbidden\""), refused.body());
            HttpResponse<String> metrics = app.send(app.get("/metrics").header("Cookie", admin).build());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
            assertTrue(metrics.body().contains("gatehouse_sign_ins_total{outcome=\"invalid_credentials\"} 1"), metrics.body());
            assertTrue(metrics.body().contains("gatehouse_sign_ins_total{outcome=\"success\"} 2"), metrics.body());
            assertTrue(metrics.body().contains("gatehouse_users 2"), metrics.body());
            assertTrue(metrics.body().contains("gatehouse_http_responses_total{status=\"403\"} 1"), metrics.body());
        }
    }

    @Test
    void expiredSessionsArePurgedFromTheStore() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            Instant longAgo = Instant.now().minus(Duration.ofDays(40));
            Session old = new Session(new SessionId("expired-session-1"), "a".repeat(64), Username.of("alice"),
                    longAgo, longAgo, longAgo.plus(Duration.ofDays(30)), "192.0.2.1", "test");
            app.cli.sessions().save(old);
            String live = RunningServer.token(app.login("alice", "correct horse battery"));
            int removed = app.server.getApplicationContext().getBean(SessionPurge.class).purgeOnce();
            assertEquals(1, removed);
            assertTrue(app.cli.sessions().find(old.id()).isEmpty());
            assertEquals(200, app.send(app.get("/api/me").header("Cookie", SessionCookie.NAME + "=" + live).build())
                    .statusCode(), "live sessions stay");
        }
    }

    @Test
    void aBrowserOpeningAPageWithoutASessionIsSentToSignInAndBack() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("admin", "correct horse battery");
            app.addUser("alice", "correct horse battery");
            HttpResponse<String> page = app.send(app.get("/admin?page=2").header("Accept", "text/html,*/*").build());
            assertEquals(303, page.statusCode());
            assertEquals("/login?next=%2Fadmin%3Fpage%3D2", page.headers().firstValue("Location").orElseThrow());
            String alice = SessionCookie.NAME + "=" + RunningServer.token(app.login("alice", "correct horse battery"));
            HttpResponse<String> notAdmin = app.send(app.get("/admin").header("Accept", "text/html")
                    .header("Cookie", alice).build());
            assertEquals(403, notAdmin.statusCode());
            assertTrue(notAdmin.body().contains("Administrators only"), notAdmin.body());
            HttpResponse<String> api = app.send(app.get("/api/admin/users").header("Cookie", alice).build());
            assertEquals(403, api.statusCode());
        }
    }
}
