package dev.gatehouse.http.api.accounts;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Administrators add, lock, unlock, reset and delete accounts; everyone else is turned away. */
class AdminUsersTest {

    static final String PASSWORD = "correct horse battery";
    static RunningServer app;
    static String root;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addAdmin("root", PASSWORD);
        app.addAdmin("ops", PASSWORD);
        for (String name : List.of("amy", "fred", "gus", "hal", "ida", "kim")) {
            app.addUser(name, PASSWORD);
        }
        root = app.signIn("root", PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static int me(String cookie) {
        return app.me(cookie);
    }

    static HttpResponse<String> admin(String method, String path, String body) {
        return app.json(method, path, body, root);
    }

    /** A path segment as a browser's encodeURIComponent writes it. */
    static String encoded(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void aNonAdministratorIsRefusedOnEveryAdministratorsRouteAndChangesNothing() {
        String amy = app.signIn("amy", PASSWORD);
        String gus = app.signIn("gus", PASSWORD);
        String[][] routes = {
                {"GET", "/api/admin/users", null},
                {"GET", "/api/admin/users?limit=nonsense", null},
                {"POST", "/api/admin/users", "{\"username\":\"mole\",\"password\":\"" + PASSWORD + "\",\"admin\":true}"},
                {"POST", "/api/admin/users", "not even JSON"},
                {"POST", "/api/admin/users/gus/password", "{\"password\":\"taken over now\"}"},
                {"POST", "/api/admin/users/amy/password", "{\"password\":\"taken over now\"}"},
                {"POST", "/api/admin/users/gus/lock", "{\"reason\":\"mine now\"}"},
                {"POST", "/api/admin/users/gus/unlock", null},
                {"DELETE", "/api/admin/users/gus", null},
                {"DELETE", "/api/admin/users/nobody-at-all", null}};
        for (String[] route : routes) {
            HttpResponse<String> answer = app.json(route[0], route[1], route[2], amy);
            assertError(403, "forbidden", answer);
            assertTrue(answer.body().contains("Only administrators"), route[1] + " " + answer.body());
        }
        assertEquals(200, me(gus));
        assertEquals(200, app.login("gus", PASSWORD).statusCode());
        assertEquals(200, app.login("amy", PASSWORD).statusCode());
        assertError(401, "invalid_credentials", app.login("mole", PASSWORD));
    }

    @Test
    void anAdministratorAddsUsersWhoCanThenSignIn() {
        HttpResponse<String> added = admin("POST", "/api/admin/users",
                "{\"username\":\"newbie\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, added.statusCode(), added.body());
        JsonNode user = json(added);
        assertEquals("newbie", user.path("username").asText());
        assertEquals("[\"User\"]", user.path("roles").toString());
        assertFalse(user.path("admin").asBoolean());
        assertEquals("active", user.path("status").asText());
        java.time.Instant.parse(user.path("created").asText());
        assertFalse(added.body().contains("password"), added.body());
        assertEquals(200, app.login("newbie", PASSWORD).statusCode());

        HttpResponse<String> boss = admin("POST", "/api/admin/users",
                "{\"username\":\"boss\",\"password\":\"" + PASSWORD + "\",\"admin\":true}");
        assertEquals(201, boss.statusCode(), boss.body());
        assertTrue(json(boss).path("admin").asBoolean(), boss.body());
        assertTrue(json(boss).path("roles").toString().contains("Admin"), boss.body());
    }

    @Test
    void addingATakenNameIsAConflictAndLeavesTheirPasswordAlone() {
        String kim = app.signIn("kim", PASSWORD);
        HttpResponse<String> again = admin("POST", "/api/admin/users",
                "{\"username\":\"kim\",\"password\":\"a takeover password\",\"admin\":true}");
        assertError(409, "user_exists", again);
        assertTrue(again.body().contains("'kim' exists already"), again.body());
        assertEquals(200, me(kim));
        assertEquals(200, app.login("kim", PASSWORD).statusCode());
    }

    @Test
    void aBadNewUserIsABadRequestThatSaysWhichFieldNeverAServerError() {
        assertError(400, "weak_password", admin("POST", "/api/admin/users", "{\"username\":\"shorty\",\"password\":\"short\"}"));
        List<List<String>> cases = List.of(
                List.of("{\"username\":\"a/b\",\"password\":\"" + PASSWORD + "\"}", "'username': The username 'a/b' contains '/'"),
                List.of("{\"username\":\"   \",\"password\":\"" + PASSWORD + "\"}", "'username': A username cannot be empty"),
                List.of("{\"password\":\"" + PASSWORD + "\"}", "'username' is missing"),
                List.of("{\"username\":\"lee\"}", "'password' is missing"),
                List.of("{\"username\":7,\"password\":\"" + PASSWORD + "\"}", "'username' must be a string, not a number"),
                List.of("{\"username\":\"lee\",\"password\":\"" + PASSWORD + "\",\"admin\":\"yes\"}", "'admin' must be true or false, not a string"),
                List.of("{\"username\":\"lee\",\"password\":{}}", "'password' must be a string, not an object"),
                List.of("{\"username\":\"lee\"", "not valid JSON"),
                List.of("", "has no body"));
        for (List<String> bad : cases) {
            HttpResponse<String> answer = admin("POST", "/api/admin/users", bad.get(0));
            assertError(400, "bad_request", answer);
            assertTrue(answer.body().contains(bad.get(1)), bad.get(0) + " -> " + answer.body());
        }
        assertError(401, "invalid_credentials", app.login("lee", PASSWORD));
    }

    @Test
    void lockingAUserEndsTheirSessionsAtOnceTheirSignInGivesTheReasonAndUnlockingLetsThemIn() {
        String fred = app.signIn("fred", PASSWORD);
        HttpResponse<String> locked = admin("POST", "/api/admin/users/fred/lock", "{\"reason\":\"Laptop stolen\"}");
        assertEquals(200, locked.statusCode(), locked.body());
        assertEquals("{\"sessionsEnded\":1}", locked.body());
        assertEquals(401, me(fred));
        HttpResponse<String> login = app.login("fred", PASSWORD);
        assertError(403, "account_locked", login);
        assertTrue(login.body().contains("Your account is locked: Laptop stolen"), login.body());

        JsonNode listed = listed("fred");
        assertEquals("locked", listed.path("status").asText());
        assertEquals("Laptop stolen", listed.path("lockedReason").asText());
        java.time.Instant.parse(listed.path("lockedSince").asText());

        HttpResponse<String> unlocked = admin("POST", "/api/admin/users/fred/unlock", null);
        assertEquals(204, unlocked.statusCode(), unlocked.body());
        assertEquals(200, app.login("fred", PASSWORD).statusCode());
        JsonNode after = listed("fred");
        assertEquals("active", after.path("status").asText());
        assertTrue(after.path("lockedReason").isMissingNode(), after.toString());
    }

    @Test
    void aLockWithoutABodyGivesTheDefaultReasonAndABadBodyIsABadRequest() {
        assertError(400, "bad_request", admin("POST", "/api/admin/users/hal/lock", "{\"reason\":42}"));
        assertError(400, "bad_request", admin("POST", "/api/admin/users/hal/lock", "{\"reason\":"));
        assertEquals(200, app.login("hal", PASSWORD).statusCode(), "a refused lock changes nothing");
        assertEquals(200, admin("POST", "/api/admin/users/hal/lock", null).statusCode());
        assertTrue(app.login("hal", PASSWORD).body().contains("Your account is locked: Account suspended"));
    }

    @Test
    void anAdministratorCannotLockAnotherAdministratorNorThemselvesNorDeleteThemselves() {
        String ops = app.signIn("ops", PASSWORD);
        assertError(403, "cannot_lock_admin", admin("POST", "/api/admin/users/ops/lock", "{\"reason\":\"no\"}"));
        assertError(403, "cannot_lock_self", admin("POST", "/api/admin/users/root/lock", null));
        assertError(403, "cannot_delete_self", admin("DELETE", "/api/admin/users/root", null));
        assertEquals(200, me(ops));
        assertEquals(200, me(root));
        assertEquals("active", listed("ops").path("status").asText());
    }

    @Test
    void settingAUsersPasswordEndsAllTheirSessions() {
        List<String> sessions = List.of(app.signIn("ida", PASSWORD), app.signIn("ida", PASSWORD));
        assertError(400, "weak_password", admin("POST", "/api/admin/users/ida/password", "{\"password\":\"short\"}"));
        assertError(400, "bad_request", admin("POST", "/api/admin/users/ida/password", "{\"pasword\":\"typo in the field\"}"));
        HttpResponse<String> set = admin("POST", "/api/admin/users/ida/password", "{\"password\":\"reset by the admin\"}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals("{\"sessionsEnded\":2}", set.body());
        sessions.forEach(session -> assertEquals(401, me(session)));
        assertError(401, "invalid_credentials", app.login("ida", PASSWORD));
        assertEquals(200, app.login("ida", "reset by the admin").statusCode());
    }

    @Test
    void anAdministratorChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        HttpResponse<String> own = admin("POST", "/api/admin/users/root/password", "{\"password\":\"no old one needed?\"}");
        assertError(403, "forbidden", own);
        assertTrue(own.body().contains("/api/me/password"), own.body());
        assertEquals(200, app.login("root", PASSWORD).statusCode());
    }

    @Test
    void deletingAUserEndsTheirSessionAndTheirSignIn() {
        app.addUser("temp", PASSWORD);
        String temp = app.signIn("temp", PASSWORD);
        assertEquals(204, admin("DELETE", "/api/admin/users/temp", null).statusCode());
        assertEquals(401, me(temp));
        assertError(401, "invalid_credentials", app.login("temp", PASSWORD));
        assertError(404, "user_not_found", admin("DELETE", "/api/admin/users/temp", null));
    }

    @Test
    void everyRouteAboutAnUnknownUserAnswersUserNotFound() {
        for (String name : List.of("ghost", encoded("no/such"), encoded(".."))) {
            String base = "/api/admin/users/" + name;
            assertError(404, "user_not_found", admin("POST", base + "/password", "{\"password\":\"" + PASSWORD + "\"}"));
            assertError(404, "user_not_found", admin("POST", base + "/lock", null));
            assertError(404, "user_not_found", admin("POST", base + "/unlock", null));
            assertError(404, "user_not_found", admin("DELETE", base, null));
        }
    }

    @Test
    void namesWithSpacesAtSignsAccentsAndPunctuationWorkPercentEncodedInPaths() {
        for (String name : List.of("Zoë Ångström @ café+1", "o'brien (ops)!~*", "100% real;x?y#z", "%2e")) {
            HttpResponse<String> added = admin("POST", "/api/admin/users",
                    "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}");
            assertEquals(201, added.statusCode(), added.body());
            assertEquals(name, json(added).path("username").asText());
            String session = app.signIn(name, PASSWORD);
            String path = "/api/admin/users/" + encoded(name);

            assertEquals("{\"sessionsEnded\":1}", admin("POST", path + "/lock", "{\"reason\":\"Checking\"}").body(), name);
            assertEquals(401, me(session));
            assertEquals("locked", listed(name).path("status").asText());
            assertEquals(204, admin("POST", path + "/unlock", null).statusCode(), name);
            assertEquals(200, admin("POST", path + "/password", "{\"password\":\"a fresh password\"}").statusCode(), name);
            assertEquals(200, app.login(name, "a fresh password").statusCode(), name);
            assertEquals(204, admin("DELETE", path, null).statusCode(), name);
            assertError(401, "invalid_credentials", app.login(name, "a fresh password"));
        }
    }

    /** The user as the administrators' list shows them. */
    static JsonNode listed(String name) {
        HttpResponse<String> page = admin("GET", "/api/admin/users?limit=1000", null);
        assertEquals(200, page.statusCode(), page.body());
        for (JsonNode user : json(page).path("users")) {
            if (user.path("username").asText().equals(name)) {
                return user;
            }
        }
        throw new AssertionError(name + " is not listed: " + page.body());
    }
}
