package dev.gatehouse.http.api.accounts;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PUT /api/admin/users/{name}/role: administrators promote and demote; the change holds at the next request. */
class ChangingRolesApiTest {

    static final String PASSWORD = "correct horse battery";
    static RunningServer app;
    static String root;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addAdmin("root", PASSWORD);
        app.addUser("dora", PASSWORD);
        app.addUser("eve", PASSWORD);
        root = app.signIn("root", PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> setRole(String name, String body, String cookie) {
        return app.json("PUT", "/api/admin/users/" + name + "/role", body, cookie);
    }

    @Test
    void aPromotedUserReachesAdministratorsRoutesAtTheirNextRequestAndLosesThemWhenDemoted() {
        String dora = app.signIn("dora", PASSWORD);
        assertEquals(403, app.json("GET", "/api/admin/users", null, dora).statusCode());

        HttpResponse<String> promoted = setRole("dora", "{\"role\":\"admin\"}", root);
        assertEquals(200, promoted.statusCode(), promoted.body());
        assertEquals(true, json(promoted).get("changed").asBoolean());
        assertEquals(200, app.json("GET", "/api/admin/users", null, dora).statusCode(), "same session, new role");

        assertEquals(200, setRole("dora", "{\"role\":\"user\"}", root).statusCode());
        assertEquals(403, app.json("GET", "/api/admin/users", null, dora).statusCode());
        HttpResponse<String> log = app.json("GET", "/api/admin/audit?user=dora", null, root);
        assertTrue(log.body().contains("user.role_change"), log.body());
    }

    @Test
    void usersCannotPromoteThemselvesAndBadRolesAreNamed() {
        String eve = app.signIn("eve", PASSWORD);
        assertError(403, "forbidden", setRole("eve", "{\"role\":\"admin\"}", eve));
        assertError(403, "cannot_change_role_self", setRole("root", "{\"role\":\"user\"}", root));
        HttpResponse<String> owner = setRole("eve", "{\"role\":\"owner\"}", root);
        assertError(400, "bad_request", owner);
        assertTrue(json(owner).get("message").asText().contains("'owner'"), owner.body());
        assertError(400, "bad_request", setRole("eve", "{}", root));
        assertError(404, "user_not_found", setRole("nobody", "{\"role\":\"user\"}", root));
    }
}
