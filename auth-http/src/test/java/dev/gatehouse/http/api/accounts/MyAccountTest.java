package dev.gatehouse.http.api.accounts;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.access.AccessTest;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A signed-in user changes their password and manages their sessions, over real HTTP on SQLite. */
class MyAccountTest {

    static final String PASSWORD = "correct horse battery";
    static RunningServer app;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addAdmin("admin", PASSWORD);
        for (String name : List.of("carol", "dave", "erin", "frank", "gina", "hugo")) {
            app.addUser(name, PASSWORD);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static int me(String cookie) {
        return app.me(cookie);
    }

    static String passwords(String current, String next) {
        return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
    }

    @Test
    void changingMyPasswordKeepsThisSessionEndsTheOthersAndRetiresTheOldPassword() {
        String here = app.signIn("carol", PASSWORD);
        String elsewhere = app.signIn("carol", PASSWORD);
        HttpResponse<String> changed = app.json("POST", "/api/me/password", passwords(PASSWORD, "a brand new secret"), here);
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("{\"sessionsEnded\":1}", changed.body());
        assertEquals(200, me(here));
        assertEquals(401, me(elsewhere));
        assertError(401, "invalid_credentials", app.login("carol", PASSWORD));
        assertEquals(200, app.login("carol", "a brand new secret").statusCode());
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndChangesNothing() {
        String here = app.signIn("dave", PASSWORD);
        String elsewhere = app.signIn("dave", PASSWORD);
        assertError(403, "wrong_password", app.json("POST", "/api/me/password", passwords("not my password", "a brand new secret"), here));
        assertError(400, "weak_password", app.json("POST", "/api/me/password", passwords(PASSWORD, "short"), here));
        assertEquals(200, me(elsewhere));
        assertEquals(200, app.login("dave", PASSWORD).statusCode());
    }

    @Test
    void malformedPasswordChangesAreBadRequestsThatNameTheFieldNeverServerErrors() {
        String cookie = app.signIn("erin", PASSWORD);
        String tooLong = "x".repeat(2000);
        List<List<String>> cases = List.of(
                List.of("{\"newPassword\":\"a brand new secret\"}", "'currentPassword' is missing"),
                List.of("{\"currentPassword\":\"" + PASSWORD + "\"}", "'newPassword' is missing"),
                List.of("{\"currentPassword\":null,\"newPassword\":\"a brand new secret\"}", "'currentPassword' is missing"),
                List.of("{\"currentPassword\":42,\"newPassword\":\"a brand new secret\"}", "'currentPassword' must be a string, not a number"),
                List.of("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":true}", "'newPassword' must be a string, not true or false"),
                List.of("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":[\"a\"]}", "'newPassword' must be a string, not a list"),
                List.of("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + tooLong + "\"}", "'newPassword': The password is 2000 characters long"),
                List.of("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"\\ud800x\"}", "'newPassword': The password contains half of a character"),
                List.of("[\"a\",\"b\"]", "must be a JSON object"),
                List.of("\"just a string\"", "must be a JSON object"),
                List.of("{\"currentPassword\":", "not valid JSON"),
                List.of("currentPassword=x", "not valid JSON"),
                List.of("", "has no body"));
        for (List<String> bad : cases) {
            HttpResponse<String> answer = app.json("POST", "/api/me/password", bad.get(0), cookie);
            assertError(400, "bad_request", answer);
            assertTrue(answer.body().contains(bad.get(1)), bad.get(0) + " -> " + answer.body());
            AccessTest.assertSecurityHeaders(answer);
        }
        assertEquals(200, app.login("erin", PASSWORD).statusCode());
    }

    @Test
    void aCookieAuthenticatedChangeWithoutOurOriginIsRefusedAsCsrf() {
        String cookie = app.signIn("frank", PASSWORD);
        for (String[] route : new String[][] {{"POST", "/api/me/password"}, {"DELETE", "/api/me/sessions"},
                {"DELETE", "/api/me/sessions/abcdefgh12"}, {"POST", "/api/admin/users"}}) {
            HttpResponse<String> answer = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.origin() + route[1]))
                    .method(route[0], java.net.http.HttpRequest.BodyPublishers.ofString(passwords(PASSWORD, "a brand new secret")))
                    .header("Content-Type", "application/json").header("Cookie", cookie).build());
            assertError(403, "csrf", answer);
        }
        assertEquals(200, me(cookie));
        assertEquals(200, app.login("frank", PASSWORD).statusCode());
    }

    @Test
    void iSeeMySessionsNewestFirstWithTheCurrentOneMarkedAndNeverATokenOrAnotherUsersSession() {
        String first = app.signIn("gina", PASSWORD);
        pause(); // sessions started in the same millisecond would have no order
        String second = app.signIn("gina", PASSWORD);
        app.signIn("admin", PASSWORD);
        HttpResponse<String> answer = app.json("GET", "/api/me/sessions", null, first);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode sessions = json(answer).path("sessions");
        assertEquals(2, sessions.size(), answer.body());
        assertFalse(sessions.get(0).path("current").asBoolean(), "the newest (second) sign-in comes first: " + answer.body());
        assertTrue(sessions.get(1).path("current").asBoolean(), answer.body());
        for (JsonNode session : sessions) {
            assertTrue(session.path("id").asText().matches("[A-Za-z0-9_-]{8,64}"), answer.body());
            for (String field : List.of("created", "lastSeen", "expires")) {
                java.time.Instant.parse(session.path(field).asText());
            }
            assertEquals("127.0.0.1", session.path("clientIp").asText());
            assertTrue(session.path("userAgent").asText().startsWith("Java-http-client"), answer.body());
        }
        for (String cookie : List.of(first, second)) {
            String token = cookie.substring(cookie.indexOf('=') + 1);
            assertFalse(answer.body().contains(token), "a session list never shows a token");
        }
        assertFalse(answer.body().contains("igest"), answer.body());
    }

    @Test
    void endingMyOtherSessionsKeepsTheOneIAmUsing() {
        app.addUser("ivan", PASSWORD);
        String here = app.signIn("ivan", PASSWORD);
        List<String> others = List.of(app.signIn("ivan", PASSWORD), app.signIn("ivan", PASSWORD));
        String admins = app.signIn("admin", PASSWORD);
        HttpResponse<String> ended = app.json("DELETE", "/api/me/sessions", null, here);
        assertEquals(200, ended.statusCode(), ended.body());
        assertEquals("{\"ended\":2}", ended.body());
        assertEquals(200, me(here));
        others.forEach(other -> assertEquals(401, me(other)));
        assertEquals(200, me(admins));
        assertEquals(1, json(app.json("GET", "/api/me/sessions", null, here)).path("sessions").size());
    }

    @Test
    void iEndOneOfMyOtherSessionsByItsIdAndNeverSomeoneElses() {
        String here = app.signIn("hugo", PASSWORD);
        String phone = app.signIn("hugo", PASSWORD);
        String admins = app.signIn("admin", PASSWORD);
        String phoneId = currentSessionId(phone);
        String adminsId = currentSessionId(admins);

        assertError(404, "not_found", app.json("DELETE", "/api/me/sessions/" + adminsId, null, here));
        assertEquals(200, me(admins));
        assertError(404, "not_found", app.json("DELETE", "/api/me/sessions/not%20an%20id", null, here));

        HttpResponse<String> ended = app.json("DELETE", "/api/me/sessions/" + phoneId, null, here);
        assertEquals(204, ended.statusCode(), ended.body());
        assertTrue(ended.headers().firstValue("Set-Cookie").isEmpty(), "ending another session keeps my cookie");
        assertEquals(401, me(phone));
        assertEquals(200, me(here));
        assertError(404, "not_found", app.json("DELETE", "/api/me/sessions/" + phoneId, null, here));
    }

    @Test
    void endingTheSessionIAmUsingSignsMeOut() {
        app.addUser("jane", PASSWORD);
        String here = app.signIn("jane", PASSWORD);
        HttpResponse<String> ended = app.json("DELETE", "/api/me/sessions/" + currentSessionId(here), null, here);
        assertEquals(204, ended.statusCode(), ended.body());
        assertTrue(ended.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
        assertEquals(401, me(here));
    }

    static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String currentSessionId(String cookie) {
        List<String> current = new ArrayList<>();
        json(app.json("GET", "/api/me/sessions", null, cookie)).path("sessions").forEach(session -> {
            if (session.path("current").asBoolean()) {
                current.add(session.path("id").asText());
            }
        });
        assertEquals(1, current.size());
        return current.get(0);
    }
}
