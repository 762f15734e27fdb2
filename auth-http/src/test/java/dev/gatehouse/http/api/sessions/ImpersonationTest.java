package dev.gatehouse.http.api.sessions;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.access.KeyRefusals;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.SessionCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An administrator acts as a user through the API and the pages, visibly, without their secrets, and back. */
public class ImpersonationTest {

    static final String ADMIN_PASSWORD = "plum-tulip-ferry-42";
    static final String USER_PASSWORD = "amber-kettle-river-9";
    static RunningServer app;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addAdmin("bob", ADMIN_PASSWORD);
        app.addAdmin("carol", ADMIN_PASSWORD);
        app.addUser("alice", USER_PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The cookie named {@code name} that a response sets, as a Cookie header value, if any. */
    public static Optional<String> setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
    }

    /** Starts acting as alice; returns alice's session cookie and bob's kept one, as one Cookie header. */
    static String[] impersonateAlice(String bob) {
        HttpResponse<String> started = app.json("POST", "/api/admin/users/alice/impersonate", null, bob);
        assertEquals(200, started.statusCode(), started.body());
        assertEquals("alice", json(started).path("user").asText());
        assertEquals("bob", json(started).path("impersonator").asText());
        String asAlice = setCookie(started, SessionCookie.NAME).orElseThrow();
        String kept = setCookie(started, AdminCookie.NAME).orElseThrow();
        assertEquals(bob, SessionCookie.NAME + kept.substring(AdminCookie.NAME.length()), "the admin's own session is kept");
        assertTrue(started.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AdminCookie.NAME)).allMatch(c -> c.toLowerCase().contains("httponly") && c.contains("SameSite=Strict")),
                started.headers().allValues("Set-Cookie").toString());
        return new String[] {asAlice, kept};
    }

    @Test
    void anAdministratorActsAsAUserSeesTheBannerAndComesBack() {
        String bob = app.signIn("bob", ADMIN_PASSWORD);
        String[] cookies = impersonateAlice(bob);
        String asAlice = cookies[0];

        JsonNode me = json(app.json("GET", "/api/me", null, asAlice));
        assertEquals("alice", me.path("username").asText(), me.toString());
        assertEquals("bob", me.path("impersonator").asText(), me.toString());
        assertTrue(json(app.json("GET", "/api/me", null, bob)).path("impersonator").isMissingNode(),
                "nobody acts as bob: the field is left out");
        for (String page : List.of("/account", "/tokens")) {
            HttpResponse<String> html = app.send(app.get(page).header("Accept", "text/html").header("Cookie", asAlice).build());
            assertEquals(200, html.statusCode(), page);
            assertTrue(html.body().contains("You are acting as <strong>alice</strong> (impersonated by <strong>bob</strong>)"),
                    page + ": " + html.body());
            assertTrue(html.body().contains("Stop impersonating") && html.body().contains("min left"), page);
        }
        assertEquals(200, app.me(bob), "the administrator's own session still works");

        HttpResponse<String> stopped = app.json("POST", "/api/impersonation/stop", null, asAlice + "; " + cookies[1]);
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals("bob", json(stopped).path("administrator").asText());
        assertEquals(Optional.of(bob), setCookie(stopped, SessionCookie.NAME));
        assertEquals(401, app.me(asAlice), "alice's impersonation session is over");
        assertEquals(200, app.me(bob));
    }

    @Test
    void whileImpersonatingPasswordKeysSessionsAndAdminRoutesAreRefused() {
        String bob = app.signIn("bob", ADMIN_PASSWORD);
        String asAlice = impersonateAlice(bob)[0];

        assertError(403, "forbidden", app.json("POST", "/api/me/password", "{\"currentPassword\":\"" + USER_PASSWORD
                + "\",\"newPassword\":\"ochre-lantern-meadow-7\"}", asAlice));
        assertError(403, "forbidden", app.json("POST", "/api/tokens", "{\"name\":\"mine\"}", asAlice));
        assertEquals(200, app.json("GET", "/api/tokens", null, asAlice).statusCode(), "the key list may be seen");
        assertError(403, "forbidden", app.json("DELETE", "/api/tokens", null, asAlice));
        assertError(403, "forbidden", app.json("DELETE", "/api/me/sessions", null, asAlice));
        assertEquals(200, app.json("GET", "/api/me/sessions", null, asAlice).statusCode());
        assertEquals(403, app.json("GET", "/api/admin/users", null, asAlice).statusCode());
        assertEquals(403, app.json("POST", "/api/admin/users/carol/impersonate", null, asAlice).statusCode());

        JsonNode bobs = json(app.json("GET", "/api/admin/audit?user=bob&action=user.password_change", null, bob))
                .path("events");
        assertEquals("alice", bobs.get(0).path("actor").asText(), bobs.toString());
        assertEquals("bob", bobs.get(0).path("impersonator").asText());
        assertEquals("refused", bobs.get(0).path("outcome").asText());
        assertEquals(200, app.login("alice", USER_PASSWORD).statusCode(), "alice's password is unchanged");
    }

    @Test
    void administratorsKeysAndMissingUsersAreRefused() {
        String bob = app.signIn("bob", ADMIN_PASSWORD);
        assertError(403, "cannot_impersonate_admin", app.json("POST", "/api/admin/users/carol/impersonate", null, bob));
        assertError(404, "user_not_found", app.json("POST", "/api/admin/users/nobody/impersonate", null, bob));
        String key = app.mintKey("bob").secret();
        assertError(403, KeyRefusals.SESSION_REQUIRED, app.keyed("POST", "/api/admin/users/alice/impersonate", null, key));
        assertEquals(401, app.json("POST", "/api/admin/users/alice/impersonate", null, null).statusCode());
    }

    @Test
    void startAndStopAreAuditedWithBothNamesAndFilteredByActionAndOutcome() {
        String bob = app.signIn("bob", ADMIN_PASSWORD);
        String[] cookies = impersonateAlice(bob);
        app.json("POST", "/api/impersonation/stop", null, cookies[0] + "; " + cookies[1]);

        JsonNode events = json(app.json("GET", "/api/admin/audit?user=bob&action=impersonation.&outcome=success",
                null, bob)).path("events");
        assertEquals("impersonation.stop", events.get(0).path("action").asText(), events.toString());
        assertEquals("bob", events.get(0).path("actor").asText());
        assertEquals("alice", events.get(0).path("target").asText());
        assertEquals("impersonation.start", events.get(1).path("action").asText());
        assertEquals("alice", events.get(1).path("target").asText());
        assertEquals(400, app.json("GET", "/api/admin/audit?outcome=maybe", null, bob).statusCode());
        assertEquals(400, app.json("GET", "/api/admin/audit?action=User%20Lock", null, bob).statusCode());
    }

    @Test
    void stoppingAfterTheAdministratorsSessionEndedSendsThemToSignIn() {
        String bob = app.signIn("bob", ADMIN_PASSWORD);
        String[] cookies = impersonateAlice(bob);
        app.json("POST", "/api/auth/logout", null, bob);

        HttpResponse<String> stopped = app.json("POST", "/api/impersonation/stop", null, cookies[0] + "; " + cookies[1]);
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals("/login", json(stopped).path("next").asText());
        assertFalse(json(stopped).has("administrator"));
        assertEquals(401, app.me(cookies[0]));
    }

    @Test
    void stoppingNeverHandsOverASessionThatIsNotTheImpersonatingAdministrators() {
        String bob = app.signIn("bob", ADMIN_PASSWORD);
        String asAlice = impersonateAlice(bob)[0];
        String carol = app.signIn("carol", ADMIN_PASSWORD);
        String planted = AdminCookie.NAME + carol.substring(SessionCookie.NAME.length());

        HttpResponse<String> stopped = app.json("POST", "/api/impersonation/stop", null, asAlice + "; " + planted);
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals("/login", json(stopped).path("next").asText(), stopped.body());
        assertFalse(json(stopped).has("administrator"));
        assertEquals(Optional.of(SessionCookie.NAME + "="), setCookie(stopped, SessionCookie.NAME), "cleared, not carol's");
        String plantedUser = AdminCookie.NAME + app.signIn("alice", USER_PASSWORD).substring(SessionCookie.NAME.length());
        HttpResponse<String> noAdmin = app.json("POST", "/api/impersonation/stop", null, plantedUser);
        assertEquals(Optional.of(SessionCookie.NAME + "="), setCookie(noAdmin, SessionCookie.NAME), noAdmin.body());
    }

    @Test
    void lockingTheUserEndsTheImpersonation() {
        String bob = app.signIn("bob", ADMIN_PASSWORD);
        String asAlice = impersonateAlice(bob)[0];
        assertEquals(200, app.json("POST", "/api/admin/users/alice/lock", "{\"reason\":\"check\"}", bob).statusCode());
        assertEquals(401, app.me(asAlice));
        assertEquals(204, app.json("POST", "/api/admin/users/alice/unlock", null, bob).statusCode());
    }

    @Test
    void aForeignPageCannotStopAnImpersonation() {
        String bob = app.signIn("bob", ADMIN_PASSWORD);
        String[] cookies = impersonateAlice(bob);
        HttpResponse<String> foreign = app.send(app.post("/api/impersonation/stop", "").header("Origin", "https://evil.example")
                .header("Cookie", cookies[0] + "; " + cookies[1]).build());
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals(200, app.me(cookies[0]));
    }

    @Test
    void theAuditPageShowsBothNamesNarrowsByFiltersAndExportsWithThem() {
        String bob = app.signIn("bob", ADMIN_PASSWORD);
        String[] cookies = impersonateAlice(bob);
        app.json("POST", "/api/tokens", "{\"name\":\"mine\"}", cookies[0]);
        app.json("POST", "/api/impersonation/stop", null, cookies[0] + "; " + cookies[1]);

        HttpResponse<String> page = app.send(app.get("/admin/audit?user=bob&action=api_key.&outcome=refused")
                .header("Accept", "text/html").header("Cookie", bob).build());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("(impersonated by bob)"), page.body());
        assertTrue(page.body().contains("api_key.mint"));
        assertFalse(page.body().contains("<code>impersonation.start</code>"), "the action filter narrows the table");
        assertTrue(page.body().contains("/api/admin/audit?user=bob&amp;action=api_key.&amp;outcome=refused&amp;limit="),
                "the export keeps the filters");
        HttpResponse<String> all = app.send(app.get("/admin/audit?action=impersonation.").header("Accept", "text/html")
                .header("Cookie", bob).build());
        assertTrue(all.body().contains("<code>impersonation.start</code>") && all.body().contains("<code>impersonation.stop</code>"));
        assertTrue(all.body().contains("href=\"/admin/audit\""), "the menu links to the audit page");
        HttpResponse<String> asAlice = app.send(app.get("/admin/audit").header("Accept", "text/html")
                .header("Cookie", app.signIn("alice", USER_PASSWORD)).build());
        assertEquals(403, asAlice.statusCode());
        assertEquals(400, app.send(app.get("/admin/audit?outcome=maybe").header("Accept", "text/html")
                .header("Cookie", bob).build()).statusCode());
    }
}
