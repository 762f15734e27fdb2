package dev.gatehouse.http.api.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.SessionCookie;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign in, see who I am, sign out, over real HTTP on SQLite. */
class SignInTest {

    static RunningServer app;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addUser("alice", "correct horse battery");
        app.addUser("mallory", "correct horse battery");
        app.lock("mallory", "Too many tokens spent");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    HttpResponse<String> me(String token) {
        return app.send(app.get("/api/me").header("Cookie", SessionCookie.NAME + "=" + token).build());
    }

    @Test
    void signingInSetsAnHttpOnlyLaxCookieThatOpensMeUntilSignOut() {
        HttpResponse<String> login = app.login("alice", "correct horse battery", "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Proto", "https");
        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.body().contains("\"username\":\"alice\""), login.body());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("gatehouse_session="), cookie);
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT); // attribute names are case-insensitive
        assertTrue(attributes.contains("; httponly"), cookie);
        assertTrue(attributes.contains("; samesite=lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertTrue(cookie.contains("Max-Age="), cookie);
        assertFalse(attributes.contains("secure"), "plain HTTP must not ask for Secure: " + cookie);

        String token = RunningServer.token(login);
        HttpResponse<String> me = me(token);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"status\":\"active\""), me.body());
        assertTrue(me.body().contains("\"lastIp\":\"127.0.0.1\""), "forwarding headers from anyone are ignored: " + me.body());

        HttpResponse<String> logout = app.send(app.post("/api/auth/logout", "")
                .header("Cookie", SessionCookie.NAME + "=" + token).header("Origin", app.origin()).build());
        assertEquals(204, logout.statusCode(), logout.body());
        assertTrue(logout.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, me(token).statusCode());
    }

    @Test
    void anUnknownUserAndAWrongPasswordLookTheSame() {
        HttpResponse<String> unknown = app.login("nobody", "correct horse battery");
        HttpResponse<String> wrong = app.login("alice", "wrong horse battery");
        assertEquals(401, unknown.statusCode());
        assertEquals(unknown.statusCode(), wrong.statusCode());
        // Alike but for each answer's own request id.
        assertEquals(RunningServer.withoutRequestId(unknown.body()), RunningServer.withoutRequestId(wrong.body()));
        assertEquals("{\"error\":\"invalid_credentials\",\"message\":\"Invalid username or password.\"}",
                RunningServer.withoutRequestId(wrong.body()));
        assertTrue(unknown.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void aLockedUserWithTheRightPasswordIsToldTheReason() {
        HttpResponse<String> login = app.login("mallory", "correct horse battery");
        assertEquals(403, login.statusCode());
        assertTrue(login.body().contains("\"error\":\"account_locked\""), login.body());
        assertTrue(login.body().contains("Your account is locked: Too many tokens spent"), login.body());
    }

    @Test
    void lockingAUserFromTheCliEndsTheirSessionAtOnce() {
        app.addUser("bob", "correct horse battery");
        String token = RunningServer.token(app.login("bob", "correct horse battery"));
        assertEquals(200, me(token).statusCode());
        app.lock("bob", "Left the team");
        HttpResponse<String> me = me(token);
        assertEquals(401, me.statusCode());
        assertTrue(me.body().contains("\"error\":\"unauthenticated\""), me.body());
    }

    @Test
    void aMalformedBodyIsABadRequestThatSaysWhy() {
        HttpResponse<String> notJson = app.send(app.post("/api/auth/login", "username=alice")
                .header("Content-Type", "application/json").build());
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertTrue(notJson.body().contains("\"error\":\"bad_request\""), notJson.body());
        HttpResponse<String> noPassword = app.send(app.post("/api/auth/login", "{\"username\":\"alice\"}")
                .header("Content-Type", "application/json").build());
        assertEquals(400, noPassword.statusCode());
        assertTrue(noPassword.body().contains("'password' is missing"), noPassword.body());
    }
}
