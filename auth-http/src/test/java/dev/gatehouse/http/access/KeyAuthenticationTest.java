package dev.gatehouse.http.access;

import static dev.gatehouse.http.testing.RunningServer.assertError;
import static dev.gatehouse.http.testing.RunningServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.service.apikeys.ApiKeyFormat;
import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keys authenticate requests as their owner, with the owner's rights: a wrong key, a revoked one,
 * a locked or deleted owner's all get the same 401 at once; a key needs no Origin and wins over a cookie.
 */
class KeyAuthenticationTest {

    static final String PASSWORD = "correct horse battery";
    static final String STATIC = "static-key-0123456789abcdef";
    static RunningServer app;
    static String root;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer(s -> s.withAuth(AuthMode.AUTO, List.of(STATIC)));
        app.addAdmin("root", PASSWORD);
        for (String name : List.of("amy", "bob", "cy", "dee")) {
            app.addUser(name, PASSWORD);
        }
        root = app.signIn("root", PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String me(String key) {
        HttpResponse<String> me = app.keyed("GET", "/api/me", null, key);
        return me.statusCode() == 200 ? json(me).path("username").asText() : String.valueOf(me.statusCode());
    }

    @Test
    void eitherHeaderCarriesTheKeyInAnyCaseOfBearer() {
        String key = app.mintKey("amy").secret();
        assertEquals("amy", me(key));
        assertEquals(200, app.send(app.get("/api/me").header("x-api-key", key).build()).statusCode());
        assertEquals(200, app.send(app.get("/api/me").header("Authorization", "bearer " + key).build()).statusCode());
    }

    @Test
    void aWrongUnknownOrMalformedKeyIsUnauthenticatedWithOneAndTheSameAnswer() {
        String key = app.mintKey("amy").secret();
        char typo = key.charAt(30) == 'a' ? 'b' : 'a';
        List<String> wrong = List.of(key.substring(0, 30) + typo + key.substring(31),
                ApiKeyFormat.newKey(SecureRandomSource.system()), "sk-not-ours", "sas_" + "A".repeat(16) + "." + "b".repeat(43));
        String first = null;
        for (String presented : wrong) {
            HttpResponse<String> answer = app.keyed("GET", "/api/me", null, presented);
            assertError(401, "unauthenticated", answer);
            String alike = RunningServer.withoutRequestId(answer.body()); // each answer names its own request
            first = first == null ? alike : first;
            assertEquals(first, alike, "no answer tells why");
        }
    }

    @Test
    void aKeyChangesStateWithoutAnOriginWhileACookieMayNot() {
        String key = app.mintKey("bob").secret();
        assertEquals(201, app.keyed("POST", "/api/tokens", "{\"name\":\"from a script\"}", key).statusCode());
        HttpResponse<String> foreign = app.send(app.post("/api/tokens", "{}").header("Content-Type", "application/json")
                .header("x-api-key", key).header("Origin", "http://127.0.0.1:1").build());
        assertEquals(201, foreign.statusCode(), "no browser sends a key by itself: " + foreign.body());
        String cookie = app.signIn("bob", PASSWORD);
        assertError(403, "csrf", app.send(app.post("/api/tokens", "{}").header("Content-Type", "application/json")
                .header("Cookie", cookie).build()));
    }

    @Test
    void aKeyWinsOverACookieEvenAWrongOne() {
        String amysCookie = app.signIn("amy", PASSWORD);
        String bobsKey = app.mintKey("bob").secret();
        HttpResponse<String> both = app.send(app.get("/api/me").header("Cookie", amysCookie)
                .header("Authorization", "Bearer " + bobsKey).build());
        assertEquals("bob", json(both).path("username").asText());
        HttpResponse<String> change = app.send(app.post("/api/tokens", "{}").header("Content-Type", "application/json")
                .header("Cookie", amysCookie).header("Authorization", "Bearer " + bobsKey).build());
        assertEquals(201, change.statusCode(), "with a key the cookie's CSRF rule does not apply: " + change.body());
        assertEquals("bob", json(change).path("token").path("owner").asText());
        assertError(401, "unauthenticated", app.send(app.get("/api/me").header("Cookie", amysCookie)
                .header("Authorization", "Bearer sk-wrong-key").build()));
    }

    @Test
    void aKeyCarriesItsOwnersRightsAndNoMore() {
        assertError(403, "forbidden", app.keyed("GET", "/api/admin/users", null, app.mintKey("amy").secret()));
        assertEquals(200, app.keyed("GET", "/api/admin/users", null, app.mintKey("root").secret()).statusCode());
    }

    @Test
    void aKeyWithScopesMakesOnlyKeysWithinThem() {
        String cookie = app.signIn("amy", PASSWORD);
        String scoped = json(app.json("POST", "/api/tokens", "{\"scopes\":[\"chat\"]}", cookie)).path("key").asText();
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("POST", "/api/tokens", "{}", scoped));
        assertError(403, KeyRefusals.SCOPE_FORBIDDEN, app.keyed("POST", "/api/tokens", "{\"scopes\":[\"admin\"]}", scoped));
        assertEquals(201, app.keyed("POST", "/api/tokens", "{\"scopes\":[\"chat\"]}", scoped).statusCode());
    }

    @Test
    void lockingTheOwnerStopsTheirKeysAtOnceAlsoWhenLockedFromTheCli() {
        String key = app.mintKey("cy").secret();
        assertEquals("cy", me(key));
        assertEquals(200, app.json("POST", "/api/admin/users/cy/lock", "{\"reason\":\"away\"}", root).statusCode());
        assertEquals("401", me(key));
        assertEquals(204, app.json("POST", "/api/admin/users/cy/unlock", null, root).statusCode());
        assertEquals("cy", me(key), "a lock does not revoke: unlocked, the key works again");
        app.lock("cy", "from the command line");
        assertEquals("401", me(key), "a lock through the other store handle counts on the next request");
    }

    @Test
    void aKeyImportedInPlainTextFromAnotherProcessWorksAtOnceUntilRevoked() {
        String v1 = "llmux-v1-shared-0123456789abcdef";
        assertEquals("401", me(v1), "before the import");
        var clock = java.time.Clock.systemUTC();
        var report = new dev.gatehouse.core.service.apikeys.ImportApiKeysService(app.cli.users(), app.cli.apiKeys(),
                new dev.gatehouse.core.service.support.TokenDigests(SecureRandomSource.system(), app.cli.secrets()),
                SecureRandomSource.system(), new dev.gatehouse.core.service.audit.AuditTrail(app.cli.audit(), clock))
                .importKeys(dev.gatehouse.core.model.accounts.Actor.operator(), "llmux:auth.json", List.of(
                        new dev.gatehouse.core.port.in.ImportApiKeys.Entry("entry 1", "bob", "shared",
                                new dev.gatehouse.core.port.in.ImportApiKeys.PlainText(v1), clock.instant(),
                                java.util.Optional.empty(), java.util.Optional.empty())));
        assertEquals(1, report.imported(), report.toString());

        assertEquals("bob", me(v1), "imported by another process, seen at the next request");
        assertEquals(200, app.send(app.get("/api/me").header("x-api-key", v1).build()).statusCode());
        HttpResponse<String> listed = app.json("GET", "/api/tokens?user=bob", null, root);
        assertTrue(listed.body().contains("\"legacy\":true"), listed.body());
        String id = java.util.stream.StreamSupport.stream(json(listed).path("tokens").spliterator(), false)
                .filter(token -> token.path("name").asText().equals("shared")).findFirst()
                .orElseThrow(() -> new AssertionError(listed.body())).path("id").asText();
        assertEquals(204, app.json("DELETE", "/api/tokens/" + id, null, root).statusCode());
        assertEquals("401", me(v1), "revoked");
    }

    @Test
    void deletingAUserRevokesTheirKeys() {
        var minted = app.mintKey("dee");
        assertEquals("dee", me(minted.secret()));
        assertEquals(204, app.json("DELETE", "/api/admin/users/dee", null, root).statusCode());
        assertEquals("401", me(minted.secret()));
        assertTrue(app.cli.apiKeys().find(minted.key().id()).orElseThrow().isRevoked());
        HttpResponse<String> listed = app.json("GET", "/api/tokens?user=dee", null, root);
        assertTrue(listed.body().contains("\"revoked\":"), listed.body());
    }

    @Test
    void aStaticKeyIsTheBuiltInAdministratorWhoCanMakeKeysOnlyForRealUsers() {
        HttpResponse<String> me = app.keyed("GET", "/api/me", null, STATIC);
        assertTrue(me.body().contains("\"username\":\"apikey\"") && me.body().contains("\"admin\":true"), me.body());
        assertEquals(200, app.keyed("GET", "/api/admin/users", null, STATIC).statusCode());
        HttpResponse<String> ownerless = app.keyed("POST", "/api/tokens", "{}", STATIC);
        assertError(400, "bad_request", ownerless);
        assertTrue(ownerless.body().contains("username"), ownerless.body());
        HttpResponse<String> forAmy = app.keyed("POST", "/api/tokens", "{\"username\":\"amy\"}", STATIC);
        assertEquals(201, forAmy.statusCode(), forAmy.body());
        assertEquals("amy", json(forAmy).path("token").path("owner").asText());
        assertTrue(json(app.keyed("GET", "/api/tokens", null, STATIC)).toString().contains("\"legacy\":true"));
    }

    @Test
    void keyUseIsWrittenInBatchesNotPerRequestButListedAtOnce() {
        var minted = app.mintKey("bob");
        assertEquals("bob", me(minted.secret()));
        assertTrue(app.cli.apiKeys().find(minted.key().id()).orElseThrow().lastUsedAt().isEmpty(), "not yet written");
        HttpResponse<String> before = app.json("GET", "/api/tokens?user=bob", null, root);
        assertTrue(java.util.stream.StreamSupport.stream(json(before).path("tokens").spliterator(), false)
                .filter(t -> t.path("id").asText().equals(minted.key().id().value()))
                .allMatch(t -> t.has("lastUsed")), "the server lists the use it has not written yet: " + before.body());
        assertTrue(app.flushKeyUse() >= 1);
        assertTrue(app.cli.apiKeys().find(minted.key().id()).orElseThrow().lastUsedAt().isPresent());
        HttpResponse<String> listed = app.json("GET", "/api/tokens?user=bob", null, root);
        assertTrue(listed.body().contains("\"lastUsed\":"), listed.body());
    }

    @Test
    void keyUseNotedInMemoryIsWrittenWhenTheServerStops() throws Exception {
        try (RunningServer own = new RunningServer(s -> s)) {
            own.addUser("amy", PASSWORD);
            var minted = own.mintKey("amy");
            assertEquals(200, own.keyed("GET", "/api/me", null, minted.secret()).statusCode());
            own.server.stop();
            assertTrue(own.cli.apiKeys().find(minted.key().id()).orElseThrow().lastUsedAt().isPresent());
        }
    }

    @Test
    void beforeTheFirstUserAStaticKeyWorksAndEverythingElseWaitsForSetup() throws Exception {
        try (RunningServer fresh = new RunningServer(s -> s.withAuth(AuthMode.AUTO, List.of(STATIC)))) {
            assertError(503, "setup_required", fresh.keyed("GET", "/api/me", null, null));
            assertEquals(200, fresh.keyed("GET", "/api/me", null, STATIC).statusCode());
            assertError(401, "unauthenticated", fresh.keyed("GET", "/api/me", null, "sk-wrong-key"));
        }
    }
}
