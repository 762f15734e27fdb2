package dev.gatehouse.http.api.apikeys;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/tokens: everyone mints, lists, renames and revokes their own keys, administrators anyone's; a key is shown once. */
class ApiKeysTest {

    static final String PASSWORD = "correct horse battery";
    static final String STATIC = "static-key-0123456789abcdef";
    static RunningServer app;
    static String root;
    static String amy;
    static String bob;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer(s -> s.withAuth(AuthMode.AUTO, List.of(STATIC)));
        app.addAdmin("root", PASSWORD);
        for (String name : List.of("amy", "bob", "cy", "dee")) {
            app.addUser(name, PASSWORD);
        }
        root = app.signIn("root", PASSWORD);
        amy = app.signIn("amy", PASSWORD);
        bob = app.signIn("bob", PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Mints through the API with {@code cookie}, expecting success; the answer's body. */
    static JsonNode mint(String cookie, String body) {
        HttpResponse<String> answer = app.json("POST", "/api/tokens", body, cookie);
        assertEquals(201, answer.statusCode(), answer.body());
        return json(answer);
    }

    static JsonNode list(String cookie, String query) {
        HttpResponse<String> answer = app.json("GET", "/api/tokens" + query, null, cookie);
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer);
    }

    static JsonNode token(JsonNode listing, String id) {
        for (JsonNode token : listing.path("tokens")) {
            if (token.path("id").asText().equals(id)) {
                return token;
            }
        }
        throw new AssertionError("no token " + id + " in " + listing);
    }

    static List<String> owners(JsonNode listing) {
        List<String> owners = new ArrayList<>();
        listing.path("tokens").forEach(t -> owners.add(t.path("owner").asText()));
        return owners;
    }

    @Test
    void aUserMintsAKeyThatIsShownOnlyOnceAndWorksInEitherHeader() {
        HttpResponse<String> answer = app.json("POST", "/api/tokens", "{\"name\":\"laptop\"}", amy);
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        JsonNode minted = json(answer);
        String key = minted.path("key").asText();
        assertTrue(key.startsWith("gate_") && key.length() == 54, key);
        JsonNode token = minted.path("token");
        assertEquals("laptop", token.path("name").asText());
        assertEquals("amy", token.path("owner").asText());
        assertEquals(key.substring(0, 12), token.path("prefix").asText());
        assertFalse(token.path("legacy").asBoolean(true));
        assertTrue(token.path("scopes").isArray() && token.path("scopes").isEmpty(), token.toString());
        assertTrue(token.path("lastUsed").isMissingNode() && token.path("revoked").isMissingNode(), token.toString());
        Duration lifetime = Duration.between(Instant.parse(token.path("created").asText()),
                Instant.parse(token.path("expires").asText()));
        assertEquals(Duration.ofDays(365), lifetime, "the server's default lifetime");

        HttpResponse<String> listing = app.json("GET", "/api/tokens", null, amy);
        assertFalse(listing.body().contains(key), "the key itself is never listed");
        JsonNode listed = json(listing);
        assertEquals("{\"username\":\"amy\",\"admin\":false}", listed.path("me").toString());
        assertTrue(listed.path("users").isMissingNode(), "only administrators get the owner picker");
        assertEquals(token, token(listed, token.path("id").asText()));

        assertTrue(app.keyed("GET", "/api/me", null, key).body().contains("\"username\":\"amy\""));
        HttpResponse<String> header = app.send(app.get("/api/me").header("x-api-key", key).build());
        assertTrue(header.body().contains("\"username\":\"amy\""), header.body());
    }

    @Test
    void aBodyNamingAFieldTwiceIsRefusedNotReadOneWay() {
        int before = list(amy, "").path("tokens").size();
        // The mapper would keep the last "scopes" (none: an unscoped key); another reader the first.
        for (String body : List.of("{\"name\":\"x\",\"scopes\":[\"chat\"],\"scopes\":[]}",
                "{\"name\":\"x\",\"name\":\"y\"}")) {
            HttpResponse<String> answer = app.json("POST", "/api/tokens", body, amy);
            assertError(400, "bad_request", answer);
            assertTrue(answer.body().contains("more than once"), answer.body());
        }
        assertEquals(before, list(amy, "").path("tokens").size(), "no key was made");
    }

    @Test
    void aNonAdministratorNamingSomeoneElseIsRefusedNotGivenAKeyOfTheirOwn() {
        int before = list(amy, "").path("tokens").size();
        HttpResponse<String> answer = app.json("POST", "/api/tokens", "{\"username\":\"bob\"}", amy);
        assertError(403, "forbidden", answer);
        assertTrue(answer.body().contains("Only administrators"), answer.body());
        assertEquals(before, list(amy, "").path("tokens").size());
        assertEquals("amy", mint(amy, "{\"username\":\"amy\"}").path("token").path("owner").asText());
    }

    @Test
    void anAdministratorMintsForAnyoneAndSeesEveryonesKeysAndTheUsersToPickFrom() {
        String dees = mint(root, "{\"username\":\"dee\",\"name\":\"ci\"}").path("token").path("id").asText();
        mint(bob, "{}");
        JsonNode all = list(root, "");
        assertEquals("{\"username\":\"root\",\"admin\":true}", all.path("me").toString());
        assertEquals("dee", token(all, dees).path("owner").asText());
        assertTrue(owners(all).containsAll(List.of("dee", "bob", "apikey")), all.toString());
        JsonNode configured = token(all, "config-1");
        assertTrue(configured.path("legacy").asBoolean(), "static keys are listed as legacy");
        assertEquals("apikey", configured.path("owner").asText());
        assertEquals("GATEHOUSE_API_KEYS #1", configured.path("name").asText());
        assertTrue(all.path("users").toString().contains("{\"username\":\"root\",\"admin\":true}")
                && all.path("users").toString().contains("{\"username\":\"amy\",\"admin\":false}"), all.toString());

        JsonNode dee = list(root, "?user=dee");
        assertEquals(List.of("dee"), owners(dee).stream().distinct().toList());
        assertFalse(list(bob, "").toString().contains("config-1"), "only administrators see the static keys");
    }

    @Test
    void aNonAdministratorListsOnlyTheirOwnKeys() {
        mint(root, "{\"username\":\"cy\"}");
        mint(bob, "{}");
        assertEquals(List.of("bob"), owners(list(bob, "")).stream().distinct().toList());
        assertEquals(List.of("bob"), owners(list(bob, "?user=bob")).stream().distinct().toList());
        assertError(403, "forbidden", app.json("GET", "/api/tokens?user=cy", null, bob));
        assertError(400, "bad_request", app.json("GET", "/api/tokens?user=a/b", null, bob));
    }

    @Test
    void mintingChecksTheOwnerTheExpiryTheScopesAndTheName() {
        assertError(404, "user_not_found", app.json("POST", "/api/tokens", "{\"username\":\"nobody\"}", root));
        for (String bad : List.of("{\"expires\":\"soon\"}", "{\"expires\":\"2001-01-01\"}", "{\"expires\":30}",
                "{\"scopes\":[\"Chat!\"]}", "{\"scopes\":\"chat\"}", "{\"scopes\":[1]}", "{\"name\":\"  \"}",
                "{\"name\":\"" + "n".repeat(101) + "\"}", "{\"username\":\"a/b\"}", "not json", "[]")) {
            assertError(400, "bad_request", app.json("POST", "/api/tokens", bad, amy));
        }
        assertTrue(mint(amy, "{\"expires\":\"never\"}").path("token").path("expires").isMissingNode());
        assertEquals("2099-01-31T00:00:00Z", mint(amy, "{\"expires\":\"2099-01-31\"}").path("token").path("expires").asText());
        assertEquals("2099-06-01T12:30:00Z", mint(amy, "{\"expires\":\"2099-06-01T12:30:00Z\"}").path("token")
                .path("expires").asText());
        JsonNode thirty = mint(amy, "{\"expires\":\"30d\"}").path("token");
        Duration lifetime = Duration.between(Instant.parse(thirty.path("created").asText()),
                Instant.parse(thirty.path("expires").asText()));
        assertTrue(lifetime.compareTo(Duration.ofDays(30).minusSeconds(5)) > 0
                && lifetime.compareTo(Duration.ofDays(30)) <= 0, lifetime.toString());
        JsonNode scoped = mint(amy, "{\"scopes\":[\"models:*\",\"chat\"],\"name\":\" phone \"}").path("token");
        assertEquals("[\"chat\",\"models:*\"]", scoped.path("scopes").toString());
        assertEquals("phone", scoped.path("name").asText());
        assertTrue(mint(amy, null).path("token").path("name").asText().startsWith("amy-"), "a default name");
    }

    @Test
    void ownersAndAdministratorsRenameKeysOthersAreRefused() {
        String id = mint(amy, "{\"name\":\"laptop\"}").path("token").path("id").asText();
        HttpResponse<String> renamed = app.json("PATCH", "/api/tokens/" + id, "{\"name\":\"phone\"}", amy);
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("phone", json(renamed).path("name").asText());
        assertError(403, "forbidden", app.json("PATCH", "/api/tokens/" + id, "{\"name\":\"mine\"}", bob));
        assertEquals("by root", json(app.json("PATCH", "/api/tokens/" + id, "{\"name\":\"by root\"}", root))
                .path("name").asText());
        assertError(400, "bad_request", app.json("PATCH", "/api/tokens/" + id, "{}", amy));
        assertError(404, "token_not_found", app.json("PATCH", "/api/tokens/AAAAAAAAAAAAAAAA", "{\"name\":\"x\"}", amy));
        assertError(404, "token_not_found", app.json("PATCH", "/api/tokens/x", "{\"name\":\"x\"}", amy));
        HttpResponse<String> configured = app.json("PATCH", "/api/tokens/config-1", "{\"name\":\"x\"}", root);
        assertError(404, "token_not_found", configured);
        assertTrue(configured.body().contains("GATEHOUSE_API_KEYS"), configured.body());
    }

    @Test
    void revokingOneKeyStopsItAtOnceAndKeepsItListedAsRevoked() {
        JsonNode minted = mint(amy, "{}");
        String id = minted.path("token").path("id").asText();
        String key = minted.path("key").asText();
        assertEquals(200, app.keyed("GET", "/api/me", null, key).statusCode());
        assertError(403, "forbidden", app.json("DELETE", "/api/tokens/" + id, null, bob));
        assertEquals(200, app.keyed("GET", "/api/me", null, key).statusCode(), "a refused revoke changes nothing");

        assertEquals(204, app.json("DELETE", "/api/tokens/" + id, null, amy).statusCode());
        assertError(401, "unauthenticated", app.keyed("GET", "/api/me", null, key));
        assertTrue(token(list(amy, ""), id).path("revoked").isTextual(), "revoked keys stay listed");
        assertEquals(204, app.json("DELETE", "/api/tokens/" + id, null, amy).statusCode(), "again: nothing to do");
        assertError(404, "token_not_found", app.json("DELETE", "/api/tokens/AAAAAAAAAAAAAAAA", null, amy));
        assertError(404, "token_not_found", app.json("DELETE", "/api/tokens/config-1", null, root));
    }

    @Test
    void revokingAllTakesTheCallersOwnKeysUnlessAnAdministratorNamesAnOwner() throws Exception {
        try (RunningServer own = new RunningServer(s -> s)) {
            own.addAdmin("root", PASSWORD);
            own.addUser("amy", PASSWORD);
            own.addUser("bob", PASSWORD);
            String rootCookie = own.signIn("root", PASSWORD);
            String amyCookie = own.signIn("amy", PASSWORD);
            String amyKey = own.mintKey("amy").secret();
            own.mintKey("amy");
            String bobKey = own.mintKey("bob").secret();
            String rootKey = own.mintKey("root").secret();

            assertError(403, "forbidden", own.json("DELETE", "/api/tokens?user=bob", null, amyCookie));
            HttpResponse<String> mine = own.json("DELETE", "/api/tokens", null, amyCookie);
            assertEquals("{\"revoked\":2}", mine.body());
            assertEquals(401, own.keyed("GET", "/api/me", null, amyKey).statusCode());
            assertEquals(200, own.keyed("GET", "/api/me", null, bobKey).statusCode(), "bob's keys are not amy's");

            assertEquals("{\"revoked\":1}", own.json("DELETE", "/api/tokens?user=bob", null, rootCookie).body());
            assertEquals(401, own.keyed("GET", "/api/me", null, bobKey).statusCode());
            assertEquals(200, own.keyed("GET", "/api/me", null, rootKey).statusCode());
            assertEquals("{\"revoked\":1}", own.json("DELETE", "/api/tokens", null, rootCookie).body(),
                    "without a user even an administrator revokes only their own");
            assertEquals("{\"revoked\":0}", own.json("DELETE", "/api/tokens?user=bob", null, rootCookie).body());
        }
    }
}
