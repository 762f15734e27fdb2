package dev.gatehouse.http.api.registration;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Registration on a real server in each mode, approval, invites, and what a pending account can reach. */
class RegistrationHttpTest {

    static final String PASSWORD = "plum-tulip-ferry-42";
    static final String ADMIN_PASSWORD = "amber-kettle-river-9";

    private static RunningServer server(RegistrationMode mode) throws Exception {
        RunningServer app = new RunningServer(s -> s.withRegistration(
                new RegistrationRules(mode, Optional.of("owner@example.org"))));
        app.addAdmin("root", ADMIN_PASSWORD);
        return app;
    }

    private static HttpResponse<String> register(RunningServer app, String name, String extra) {
        return app.json("POST", "/api/register", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\""
                + (extra == null ? "" : "," + extra) + "}", null);
    }

    @Test
    void closedRegistrationIsRefusedAndThePageSaysSo() throws Exception {
        try (RunningServer app = server(RegistrationMode.CLOSED)) {
            assertError(403, "registration_closed", register(app, "alice", null));
            HttpResponse<String> page = app.send(app.get("/register").header("Accept", "text/html").build());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Registration is closed"), page.body());
            assertFalse(page.body().contains("<form"), "no form in closed mode");
            assertFalse(app.send(app.get("/login").header("Accept", "text/html").build()).body().contains("/register"));
        }
    }

    @Test
    void openRegistrationSignsTheNewUserInAndRefusesATakenName() throws Exception {
        try (RunningServer app = server(RegistrationMode.OPEN)) {
            HttpResponse<String> created = register(app, "alice", "\"email\":\"alice@example.org\"");
            assertEquals(201, created.statusCode(), created.body());
            assertFalse(json(created).path("pending").asBoolean());
            assertEquals(200, app.me(RunningServer.cookie(RunningServer.token(created))));
            assertError(409, "username_taken", register(app, "alice", null));
            assertTrue(app.send(app.get("/login").header("Accept", "text/html").build()).body().contains("/register"));
            assertError(403, "csrf", app.send(app.post("/api/register", "{}").header("Origin", "https://evil.example")
                    .header("Content-Type", "application/json").build()));
        }
    }

    @Test
    void aPasswordThatIsTheUsernameIsRefusedAtRegistrationAsEverywhereElse() throws Exception {
        try (RunningServer app = server(RegistrationMode.OPEN)) {
            String name = "marigold-harbour";
            // Spaces around it change nothing a person would guess first.
            for (String password : new String[] {name, "Marigold-Harbour", " " + name + " ", name + "\\t"}) {
                HttpResponse<String> same = app.json("POST", "/api/register", "{\"username\":\"" + name
                        + "\",\"password\":\"" + password + "\"}", null);
                assertError(400, "weak_password", same);
                assertTrue(json(same).path("message").asText().contains("may not be the username"), same.body());
            }
            assertError(401, "invalid_credentials", app.login(name, name));
            assertEquals(201, register(app, name, null).statusCode(), "a password unlike the name is taken");
            // The other rules are not padded around either: the service's name, a run of one character.
            for (String padded : new String[] {" gatehouse-admin ", "aaaaaaaaaaaaaaaaaaa "}) {
                HttpResponse<String> weak = app.json("POST", "/api/register", "{\"username\":\"other-name\",\"password\":\""
                        + padded + "\"}", null);
                assertError(400, "weak_password", weak);
            }
        }
    }

    @Test
    void anEmailGivenAtRegistrationShowsInTheAdministratorsListAndTable() throws Exception {
        try (RunningServer app = server(RegistrationMode.OPEN)) {
            String alice = RunningServer.cookie(RunningServer.token(
                    register(app, "alice", "\"email\":\"alice@example.org\"")));
            String root = app.signIn("root", ADMIN_PASSWORD);
            JsonNode users = json(app.json("GET", "/api/admin/users", null, root)).path("users");
            assertEquals("alice@example.org", users.get(0).path("email").asText(), users.toString());
            assertTrue(users.get(1).path("email").isMissingNode(), "no email, no field: " + users);
            assertEquals("alice@example.org", json(app.json("GET", "/api/me", null, alice)).path("email").asText());
            String table = app.send(app.get("/admin").header("Cookie", root).header("Accept", "text/html").build()).body();
            assertTrue(table.contains("<div class=\"muted user-email\">alice@example.org</div>"), table);
        }
    }

    @Test
    void aPendingUserGetsNoSessionUntilApprovedAndRejectingDeletesTheAccount() throws Exception {
        try (RunningServer app = server(RegistrationMode.APPROVAL)) {
            HttpResponse<String> pending = register(app, "bob", null);
            assertEquals(202, pending.statusCode(), pending.body());
            assertTrue(json(pending).path("pending").asBoolean());
            assertTrue(pending.headers().firstValue("Set-Cookie").isEmpty(), "no session for a pending account");
            assertError(403, "account_pending", app.login("bob", PASSWORD));
            register(app, "eve", null);

            String root = app.signIn("root", ADMIN_PASSWORD);
            JsonNode waiting = json(app.json("GET", "/api/admin/pending", null, root));
            assertEquals(2, waiting.size(), waiting.toString());
            assertEquals(200, app.json("POST", "/api/admin/users/bob/approve", null, root).statusCode());
            assertEquals(200, app.me(app.signIn("bob", PASSWORD)));
            assertEquals(204, app.json("POST", "/api/admin/users/eve/reject", null, root).statusCode());
            assertError(401, "invalid_credentials", app.login("eve", PASSWORD));
            assertError(400, "bad_request", app.json("POST", "/api/admin/users/bob/reject", null, root));
            assertEquals(200, app.send(app.get("/admin/pending").header("Cookie", root).header("Accept", "text/html")
                    .build()).statusCode());
            HttpResponse<String> waitingPage = app.send(app.get("/waiting").header("Accept", "text/html").build());
            assertTrue(waitingPage.body().contains("Waiting for approval"));
        }
    }

    @Test
    void anInviteLinkRegistersOnceAndTheListShowsWhoUsedIt() throws Exception {
        try (RunningServer app = server(RegistrationMode.INVITE)) {
            assertError(403, "invite_required", register(app, "carol", null));
            String root = app.signIn("root", ADMIN_PASSWORD);
            HttpResponse<String> made = app.json("POST", "/api/admin/invites", "{\"uses\": 1, \"expires\": \"2d\"}", root);
            assertEquals(201, made.statusCode(), made.body());
            String code = json(made).path("code").asText();
            assertTrue(json(made).path("link").asText().equals("/register?invite=" + code));
            String id = json(made).path("id").asText();

            HttpResponse<String> page = app.send(app.get("/register?invite=" + code).header("Accept", "text/html").build());
            assertTrue(page.body().contains("value=\"" + code + "\""), "the code is prefilled");
            assertEquals(201, register(app, "carol", "\"invite\":\"" + code + "\"").statusCode());
            assertError(403, "invite_used_up", register(app, "dan", "\"invite\":\"" + code + "\""));

            JsonNode listed = json(app.json("GET", "/api/admin/invites", null, root)).get(0);
            assertEquals("used", listed.path("status").asText());
            assertEquals("carol", listed.path("uses").get(0).path("username").asText());
            assertTrue(listed.path("code").isMissingNode() || listed.path("code").isNull(), "never listed again");
            assertError(400, "bad_request", app.json("DELETE", "/api/admin/invites/" + id, null, root));

            String other = json(app.json("POST", "/api/admin/invites", "{}", root)).path("id").asText();
            assertEquals("revoked", json(app.json("DELETE", "/api/admin/invites/" + other, null, root))
                    .path("status").asText());
            assertEquals(200, app.send(app.get("/admin/invites").header("Cookie", root).header("Accept", "text/html")
                    .build()).statusCode());
            String carol = app.signIn("carol", PASSWORD);
            assertError(403, "forbidden", app.json("GET", "/api/admin/invites", null, carol));
        }
    }
}
