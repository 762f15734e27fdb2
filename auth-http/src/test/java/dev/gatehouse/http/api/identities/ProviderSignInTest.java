package dev.gatehouse.http.api.identities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through an OpenID Connect provider, through HTTP against a running server: the provider
 * is mock-oauth2-server in this process, configured through the same environment names an
 * operator uses, and the browser leg is followed by hand with its cookies.
 */
class ProviderSignInTest {

    private static final String ISSUER_ID = "corp";
    private static final String CLIENT_ID = "gatehouse";

    static MockOAuth2Server idp;
    RunningServer app;

    /** A fresh provider per test: a person enqueued for a round trip that was refused early must not sign in the next. */
    @BeforeEach
    void startProvider() {
        idp = new MockOAuth2Server();
        idp.start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        idp.shutdown();
    }

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_OIDC_PROVIDERS", "corp");
        env.put("GATEHOUSE_OIDC_CORP_ISSUER", idp.issuerUrl(ISSUER_ID).toString());
        env.put("GATEHOUSE_OIDC_CORP_CLIENT_ID", CLIENT_ID);
        env.put("GATEHOUSE_OIDC_CORP_CLIENT_SECRET", "client-secret");
        env.put("GATEHOUSE_OIDC_CORP_DISPLAY_NAME", "Corp SSO");
        env.put("GATEHOUSE_OIDC_CORP_ADMIN_VALUES", "gatehouse-admins");
        return env;
    }

    RunningServer start(RegistrationMode mode) throws Exception {
        return start(env(), s -> s.withRegistration(new RegistrationRules(mode, Optional.empty())));
    }

    RunningServer start(Map<String, String> env, UnaryOperator<ServerSettings> tweak) throws Exception {
        app = RunningServer.withProviders(env, tweak);
        app.addAdmin("root", "correct horse battery"); // past setup: until then only /setup answers
        return app;
    }

    /** The next sign-in at the provider is this person. */
    static void nextPerson(String subject, String login, List<String> groups) {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID),
                Map.of("preferred_username", login, "email", login + "@corp.example", "email_verified", true,
                        "groups", groups), 3600));
    }

    static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }

    JsonNode me(ProviderBrowser browser) {
        HttpResponse<String> me = app.send(app.get("/api/me").header("Cookie", browser.cookieHeader()).build());
        assertEquals(200, me.statusCode(), me.body());
        return RunningServer.json(me);
    }

    long users() {
        return app.cli.users().count();
    }

    @Test
    void theButtonsAreListedWithThePasswordForm() throws Exception {
        start(RegistrationMode.OPEN);
        JsonNode list = RunningServer.json(app.send(app.get("/api/auth/providers").build()));
        assertEquals("corp", list.path("providers").get(0).path("name").asText());
        assertEquals("Corp SSO", list.path("providers").get(0).path("displayName").asText());
        assertEquals("/auth/corp", list.path("providers").get(0).path("startUrl").asText());
        assertTrue(list.path("passwordLogin").asBoolean());
    }

    @Test
    void theFirstSignInMakesTheAccountAndTheSecondLandsOnIt() throws Exception {
        start(RegistrationMode.OPEN);
        nextPerson("sub-alice", "alice", List.of("gatehouse-admins"));
        ProviderBrowser browser = new ProviderBrowser(app.origin());

        HttpResponse<String> landed = browser.signIn("/auth/corp?next=/admin/users");

        assertEquals(303, landed.statusCode(), landed.body());
        assertEquals("/admin/users", location(landed));
        assertFalse(browser.cookies.containsKey(RoundTripCookie.NAME), "the round-trip cookie is cleared");
        JsonNode me = me(browser);
        assertEquals("alice", me.path("username").asText());
        assertTrue(me.toString().contains("admin"), "the admin group made an administrator: " + me);

        nextPerson("sub-alice", "alice", List.of("gatehouse-admins"));
        ProviderBrowser again = new ProviderBrowser(app.origin());
        again.signIn("/auth/corp");
        assertEquals("alice", me(again).path("username").asText());
        assertEquals(2, users());
    }

    @Test
    void groupsGiveFeaturesAndModelsAndAuthoritativeGroupsTakeThemBackAtTheNextSignIn() throws Exception {
        Map<String, String> env = env();
        env.put("GATEHOUSE_OIDC_CORP_GROUPS_AUTHORITATIVE", "true");
        env.put("GATEHOUSE_OIDC_CORP_FEATURES", "ml team=mcp|agents");
        env.put("GATEHOUSE_OIDC_CORP_MODELS", "ml team=llama-*|mistral*");
        start(env, s -> s.withRegistration(new RegistrationRules(RegistrationMode.OPEN, Optional.empty())));

        nextPerson("sub-carol", "carol", List.of("ml team"));
        ProviderBrowser first = new ProviderBrowser(app.origin());
        first.signIn("/auth/corp");
        JsonNode granted = rights(first);
        assertTrue(granted.path("features").path("mcp").asBoolean(), granted.toString());
        assertTrue(granted.path("features").path("agents").asBoolean(), granted.toString());
        assertEquals("[\"llama-*\",\"mistral*\"]", granted.path("models").toString());

        nextPerson("sub-carol", "carol", List.of("gatehouse-admins"));
        ProviderBrowser admin = new ProviderBrowser(app.origin());
        admin.signIn("/auth/corp");
        assertTrue(rights(admin).path("admin").asBoolean(), "joined the admin group");

        nextPerson("sub-carol", "carol", List.of("staff"));
        ProviderBrowser second = new ProviderBrowser(app.origin());
        second.signIn("/auth/corp");
        JsonNode taken = rights(second);
        assertFalse(taken.path("admin").asBoolean(), "left the admin group: " + taken);
        assertFalse(taken.path("features").path("mcp").asBoolean(), taken.toString());
        assertFalse(taken.path("allModels").asBoolean() || taken.path("models").toString().contains("llama"), taken.toString());
    }

    @Test
    void aGrantThatIsNotGroupEqualsValuesStopsTheStart() {
        Map<String, String> env = env();
        env.put("GATEHOUSE_OIDC_CORP_MODELS", "ml team llama-*");
        assertThrows(RuntimeException.class, () -> start(env, s -> s));
    }

    JsonNode rights(ProviderBrowser browser) {
        HttpResponse<String> answer = app.send(app.get("/api/me/permissions").header("Cookie", browser.cookieHeader()).build());
        assertEquals(200, answer.statusCode(), answer.body());
        return RunningServer.json(answer);
    }

    @Test
    void aClosedServerRefusesANewIdentityAndMakesNothing() throws Exception {
        start(RegistrationMode.CLOSED);
        nextPerson("sub-mallory", "mallory", List.of());
        ProviderBrowser browser = new ProviderBrowser(app.origin());

        HttpResponse<String> landed = browser.signIn("/auth/corp");

        assertEquals("/login?error=registration_closed&provider=corp", location(landed));
        assertEquals(1, users());
        assertFalse(browser.cookies.containsKey(RoundTripCookie.NAME));
    }

    @Test
    void anApiClientHearsTheRefusalAsJson() throws Exception {
        start(RegistrationMode.CLOSED);
        nextPerson("sub-mallory", "mallory", List.of());
        ProviderBrowser browser = new ProviderBrowser(app.origin());
        String callback = browser.callbackFrom("/auth/corp");

        HttpResponse<String> answer = app.send(app.get(callback.substring(app.origin().length()))
                .header("Accept", "application/json").header("Cookie", browser.cookieHeader()).build());

        RunningServer.assertError(403, "registration_closed", answer);
    }

    @Test
    void anInviteIsCarriedThroughTheRoundTrip() throws Exception {
        start(RegistrationMode.INVITE);
        String admin = app.signIn("root", "correct horse battery");
        HttpResponse<String> invite = app.json("POST", "/api/admin/invites", "{\"uses\": 1}", admin);
        assertEquals(201, invite.statusCode(), invite.body());
        String code = RunningServer.json(invite).path("code").asText();

        nextPerson("sub-nobody", "nobody", List.of());
        assertEquals("/login?error=invite_required&provider=corp",
                location(new ProviderBrowser(app.origin()).signIn("/auth/corp")));
        nextPerson("sub-bob", "bob", List.of());
        ProviderBrowser browser = new ProviderBrowser(app.origin());
        assertEquals("/account", location(browser.signIn("/auth/corp?invite=" + code)));
        assertEquals("bob", me(browser).path("username").asText());
    }

    @Test
    void aCallbackWithoutTheRoundTripCookieIsRefusedAndMakesNothing() throws Exception {
        start(RegistrationMode.OPEN);
        nextPerson("sub-alice", "alice", List.of());
        ProviderBrowser browser = new ProviderBrowser(app.origin());
        String callback = browser.callbackFrom("/auth/corp");
        browser.cookies.clear();

        assertEquals("/login?error=round_trip_missing&provider=corp", location(browser.get(callback)));
        assertEquals(1, users());
    }

    @Test
    void aChangedRoundTripCookieIsRefused() throws Exception {
        start(RegistrationMode.OPEN);
        nextPerson("sub-alice", "alice", List.of());
        ProviderBrowser browser = new ProviderBrowser(app.origin());
        String callback = browser.callbackFrom("/auth/corp");
        String sealed = browser.cookies.get(RoundTripCookie.NAME);
        char last = sealed.charAt(sealed.length() - 2);
        browser.cookies.put(RoundTripCookie.NAME, sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1));

        assertEquals("/login?error=round_trip_missing&provider=corp", location(browser.get(callback)));
        assertEquals(1, users());
    }

    @Test
    void aCallbackInAnotherBrowserIsRefused() throws Exception {
        start(RegistrationMode.OPEN);
        nextPerson("sub-mallory", "mallory", List.of());
        ProviderBrowser attacker = new ProviderBrowser(app.origin());
        String attackersCallback = attacker.callbackFrom("/auth/corp"); // login CSRF: sent to a victim
        ProviderBrowser victim = new ProviderBrowser(app.origin());
        victim.get("/auth/corp"); // the victim has a round trip of their own

        assertEquals("/login?error=state_mismatch&provider=corp", location(victim.get(attackersCallback)));
        assertEquals(1, users());
        var audited = app.cli.audit().page(Optional.empty(), 1000).stream()
                .filter(e -> e.action().equals("identity.round_trip")).toList();
        assertEquals(1, audited.size(), audited::toString);
        assertEquals(Map.of("provider", "corp", "failure", "state_mismatch", "mode", "sign_in"), audited.get(0).details());
        assertFalse(audited.toString().contains("sub-mallory"), "no subject in the audit log");
        assertFalse(victim.cookies.containsKey("gatehouse_session"));
    }

    static String roundTripCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(RoundTripCookie.NAME + "=")).findFirst().orElse("");
    }

    @Test
    void theRoundTripCookieReachesOnlyItsProvidersCallbackAndIsClearedThereWhateverHappens() throws Exception {
        start(RegistrationMode.OPEN);
        for (boolean refused : List.of(false, true)) {
            nextPerson("sub-alice", "alice", List.of());
            ProviderBrowser browser = new ProviderBrowser(app.origin());
            HttpResponse<String> begun = browser.get("/auth/corp");
            String set = roundTripCookie(begun);
            assertTrue(set.contains("Path=/auth/corp/callback"), set);
            assertTrue(set.toLowerCase(java.util.Locale.ROOT).contains("httponly"), set);
            assertTrue(set.contains("SameSite=Lax"), set);

            String callback = location(browser.get(location(begun)));
            HttpResponse<String> back = browser.get(refused
                    ? callback.replaceFirst("state=[^&]*", "state=forged") : callback);
            assertEquals(refused ? "/login?error=state_mismatch&provider=corp" : "/account", location(back));
            String cleared = roundTripCookie(back);
            assertTrue(cleared.contains("Path=/auth/corp/callback") && cleared.contains("Max-Age=0"), cleared);
        }
    }

    @Test
    void aCallbackThatRepeatsAParameterIsRefusedNotReadByItsFirstValue() throws Exception {
        start(RegistrationMode.OPEN);
        for (String extra : List.of("code=injected", "state=forged")) {
            nextPerson("sub-alice", "alice", List.of());
            ProviderBrowser browser = new ProviderBrowser(app.origin());
            String callback = browser.callbackFrom("/auth/corp");

            HttpResponse<String> back = browser.get(callback + "&" + extra);

            assertEquals("/login?error=provider_error&provider=corp", location(back), extra);
            assertFalse(browser.cookies.containsKey("gatehouse_session"), extra);
            assertEquals(1, users(), extra);
        }
    }

    @Test
    void aGarbledTruncatedOrOversizedRoundTripCookieIsACleanRefusal() throws Exception {
        start(RegistrationMode.OPEN);
        nextPerson("sub-alice", "alice", List.of());
        ProviderBrowser browser = new ProviderBrowser(app.origin());
        java.net.URI back = java.net.URI.create(browser.callbackFrom("/auth/corp"));
        String callback = back.getRawPath() + "?" + back.getRawQuery();
        String sealed = browser.cookies.get(RoundTripCookie.NAME);
        for (String value : List.of("x", "!!!", sealed.substring(0, 20), sealed.substring(0, sealed.length() - 1),
                sealed + sealed, "A".repeat(7000), "A".repeat(20000))) {
            HttpResponse<String> answer = app.send(app.get(callback)
                    .header("Accept", "application/json").header("Cookie", RoundTripCookie.NAME + "=" + value).build());
            int status = answer.statusCode();
            assertTrue(status == 400 || status == 413 || status == 431,
                    value.length() + " characters: " + status + " " + answer.body());
        }
        assertEquals(1, users());
    }

    @Test
    void aReplayedCallbackIsRefused() throws Exception {
        start(RegistrationMode.OPEN);
        nextPerson("sub-alice", "alice", List.of());
        ProviderBrowser browser = new ProviderBrowser(app.origin());
        String callback = browser.callbackFrom("/auth/corp");
        String roundTrip = browser.cookies.get(RoundTripCookie.NAME);
        assertEquals("/account", location(browser.get(callback)));

        ProviderBrowser replay = new ProviderBrowser(app.origin());
        replay.cookies.put(RoundTripCookie.NAME, roundTrip);
        assertEquals("/login?error=round_trip_missing&provider=corp", location(replay.get(callback)));
        assertFalse(replay.cookies.containsKey("gatehouse_session"));
    }

    @Test
    void nextNeverLeavesTheSite() throws Exception {
        start(RegistrationMode.OPEN);
        for (String next : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")) {
            nextPerson("sub-alice", "alice", List.of());
            ProviderBrowser browser = new ProviderBrowser(app.origin());
            String landed = location(browser.signIn("/auth/corp?next=" + java.net.URLEncoder.encode(next,
                    java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals("/account", landed, next);
        }
    }

    @Test
    void aSignedInPersonConnectsTheProvider() throws Exception {
        start(RegistrationMode.CLOSED);
        app.addUser("carol", "correct horse battery");
        ProviderBrowser browser = new ProviderBrowser(app.origin());
        browser.cookies.put("gatehouse_session", RunningServer.token(app.login("carol", "correct horse battery")));
        nextPerson("sub-carol", "carol-at-corp", List.of());

        HttpResponse<String> landed = browser.follow(browser.post("/auth/corp/connect"));

        assertEquals("/account", location(landed));
        JsonNode methods = RunningServer.json(app.send(app.get("/api/me/identities")
                .header("Cookie", browser.cookieHeader()).build()));
        assertTrue(methods.path("password").asBoolean());
        assertEquals("corp", methods.path("identities").get(0).path("provider").asText());
        assertEquals("Corp SSO", methods.path("identities").get(0).path("displayName").asText());
        assertEquals("carol-at-corp", methods.path("identities").get(0).path("login").asText());
        assertEquals("sub-carol", methods.path("identities").get(0).path("subject").asText());

        nextPerson("sub-carol", "carol-at-corp", List.of());
        ProviderBrowser later = new ProviderBrowser(app.origin());
        later.signIn("/auth/corp");
        assertEquals("carol", me(later).path("username").asText());
    }

    @Test
    void aConnectFinishedUnderAnotherSessionIsRefused() throws Exception {
        start(RegistrationMode.CLOSED);
        app.addUser("carol", "correct horse battery");
        app.addUser("dave", "correct horse battery");
        ProviderBrowser browser = new ProviderBrowser(app.origin());
        browser.cookies.put("gatehouse_session", RunningServer.token(app.login("carol", "correct horse battery")));
        nextPerson("sub-carol", "carol-at-corp", List.of());
        HttpResponse<String> start = browser.post("/auth/corp/connect");
        String callback = location(browser.get(location(start)));
        browser.cookies.put("gatehouse_session", RunningServer.token(app.login("dave", "correct horse battery")));

        assertEquals("/login?error=session_changed&provider=corp", location(browser.get(callback)));
        JsonNode daves = RunningServer.json(app.send(app.get("/api/me/identities")
                .header("Cookie", browser.cookieHeader()).build()));
        assertEquals(0, daves.path("identities").size());
    }

    @Test
    void connectingNeedsASessionNotAKey() throws Exception {
        start(RegistrationMode.CLOSED);
        app.addUser("carol", "correct horse battery");
        String key = app.mintKey("carol").secret();
        HttpResponse<String> answer = app.keyed("POST", "/auth/corp/connect", null, key);
        assertEquals(403, answer.statusCode(), answer.body());
    }

    @Test
    void theLastWayInCannotBeDisconnected() throws Exception {
        start(RegistrationMode.OPEN);
        nextPerson("sub-erin", "erin", List.of());
        ProviderBrowser browser = new ProviderBrowser(app.origin());
        browser.signIn("/auth/corp");

        HttpResponse<String> answer = app.json("DELETE", "/api/me/identities/corp/sub-erin", null, browser.cookieHeader());

        RunningServer.assertError(409, "last_way_in", answer);
        JsonNode methods = RunningServer.json(app.json("GET", "/api/me/identities", null, browser.cookieHeader()));
        assertFalse(methods.path("password").asBoolean());
        assertEquals(1, methods.path("identities").size());
    }

    @Test
    void administratorsSeeAndRemoveOthersIdentitiesAndOthersDoNot() throws Exception {
        start(RegistrationMode.CLOSED);
        app.addUser("carol", "correct horse battery");
        ProviderBrowser carol = new ProviderBrowser(app.origin());
        carol.cookies.put("gatehouse_session", RunningServer.token(app.login("carol", "correct horse battery")));
        nextPerson("sub-carol", "carol-at-corp", List.of());
        carol.follow(carol.post("/auth/corp/connect"));
        String root = app.signIn("root", "correct horse battery");

        JsonNode listed = RunningServer.json(app.json("GET", "/api/admin/users/carol/identities", null, root));
        assertEquals("sub-carol", listed.path("identities").get(0).path("subject").asText());
        assertEquals(403, app.json("GET", "/api/admin/users/root/identities", null, carol.cookieHeader()).statusCode());
        assertEquals(403, app.json("DELETE", "/api/admin/users/carol/identities/corp/sub-carol", null,
                carol.cookieHeader()).statusCode());

        assertEquals(204, app.json("DELETE", "/api/admin/users/carol/identities/corp/sub-carol", null, root).statusCode());
        assertEquals(0, RunningServer.json(app.json("GET", "/api/me/identities", null, carol.cookieHeader()))
                .path("identities").size());
    }

    @Test
    void noKeyDisconnectsAWayInOnlyAPersonSignedInDoes() throws Exception {
        start(RegistrationMode.CLOSED);
        app.addUser("carol", "correct horse battery");
        ProviderBrowser carol = new ProviderBrowser(app.origin());
        carol.cookies.put("gatehouse_session", RunningServer.token(app.login("carol", "correct horse battery")));
        nextPerson("sub-carol", "carol-at-corp", List.of());
        carol.follow(carol.post("/auth/corp/connect"));
        String carolsKey = app.mintKey("carol").secret();
        String rootsKey = app.mintKey("root").secret();

        RunningServer.assertError(403, "session_required",
                app.keyed("DELETE", "/api/me/identities/corp/sub-carol", null, carolsKey));
        assertEquals(403, app.keyed("DELETE", "/api/admin/users/carol/identities/corp/sub-carol", null, rootsKey)
                .statusCode());
        assertEquals(1, RunningServer.json(app.json("GET", "/api/me/identities", null, carol.cookieHeader()))
                .path("identities").size());
        assertEquals(204, app.json("DELETE", "/api/me/identities/corp/sub-carol", null, carol.cookieHeader()).statusCode());
    }

    @Test
    void aKeyWithScopesCannotManageIdentities() throws Exception {
        start(RegistrationMode.CLOSED);
        app.addUser("carol", "correct horse battery");
        String scoped = app.mintKey("carol", Set.of("models:llama-3")).secret();
        String plain = app.mintKey("carol").secret();

        assertEquals(403, app.keyed("GET", "/api/me/identities", null, scoped).statusCode());
        assertEquals(403, app.keyed("DELETE", "/api/me/identities/corp/x", null, scoped).statusCode());
        assertEquals(200, app.keyed("GET", "/api/me/identities", null, plain).statusCode());
    }

    @Test
    void aProviderThatIsDownIsNamedAndItsButtonSaysSo() throws Exception {
        Map<String, String> env = env();
        env.put("GATEHOUSE_OIDC_PROVIDERS", "corp,down");
        env.put("GATEHOUSE_OIDC_DOWN_ISSUER", "http://127.0.0.1:9/realms/none");
        env.put("GATEHOUSE_OIDC_DOWN_CLIENT_ID", "gatehouse");
        env.put("GATEHOUSE_OIDC_DOWN_CLIENT_SECRET", "client-secret");
        start(env, s -> s);

        HttpResponse<String> ready = app.send(app.get("/readyz").build());
        assertEquals(200, ready.statusCode(), ready.body()); // passwords and the other provider still work
        JsonNode body = RunningServer.json(ready);
        assertEquals("degraded", body.path("status").asText());
        assertEquals("down", body.path("providersDown").get(0).asText());
        assertFalse(body.path("providers").path("down").path("up").asBoolean());
        assertTrue(body.path("providers").path("corp").path("up").asBoolean());

        HttpResponse<String> start = app.send(app.get("/auth/down").header("Accept", "application/json").build());
        RunningServer.assertError(503, "unavailable", start);
        assertEquals("/login?error=unavailable&provider=down",
                location(new ProviderBrowser(app.origin()).get("/auth/down")));
    }

    @Test
    void withThePasswordFormOffOnlyTheProvidersSignIn() throws Exception {
        start(env(), s -> s.withSignIn(s.signIn().withPasswordLogin(false)));
        app.addUser("carol", "correct horse battery");

        RunningServer.assertError(403, "password_login_off", app.login("carol", "correct horse battery"));
        assertFalse(RunningServer.json(app.send(app.get("/api/auth/providers").build())).path("passwordLogin").asBoolean());
    }

    @Test
    void theServerRefusesToStartWithoutAWayInOrWithoutItsAddress() {
        IllegalArgumentException noWay = assertThrows(IllegalArgumentException.class, () -> start(Map.of(),
                s -> s.withSignIn(s.signIn().withPasswordLogin(false))));
        assertTrue(noWay.getMessage().contains("--password-login off"), noWay.getMessage());

        Map<String, String> verify = new HashMap<>();
        verify.put("GATEHOUSE_OIDC_PROVIDERS", "verify");
        verify.put("GATEHOUSE_OIDC_VERIFY_ISSUER", idp.issuerUrl(ISSUER_ID).toString());
        verify.put("GATEHOUSE_OIDC_VERIFY_CLIENT_ID", CLIENT_ID);
        verify.put("GATEHOUSE_OIDC_VERIFY_CLIENT_SECRET", "client-secret");
        IllegalArgumentException forwardAuthsName = assertThrows(IllegalArgumentException.class, () -> start(verify, s -> s));
        assertTrue(forwardAuthsName.getMessage().contains("/auth/verify"), forwardAuthsName.getMessage());

        IllegalArgumentException noAddress = assertThrows(IllegalArgumentException.class, () -> start(env(),
                s -> s.withSignIn(s.signIn().withBaseUrl(Optional.empty()))));
        assertTrue(noAddress.getMessage().contains("--base-url"), noAddress.getMessage());
    }

    @Test
    void signingOutOffersTheProvidersLogout() throws Exception {
        start(RegistrationMode.OPEN);
        nextPerson("sub-alice", "alice", List.of());
        ProviderBrowser browser = new ProviderBrowser(app.origin());
        browser.signIn("/auth/corp");

        HttpResponse<String> out = app.json("POST", "/api/auth/logout", null, browser.cookieHeader());

        assertEquals(200, out.statusCode(), out.body());
        String url = RunningServer.json(out).path("providerLogoutUrl").asText();
        assertTrue(url.startsWith(idp.issuerUrl(ISSUER_ID).toString()), url);
        assertTrue(url.contains("post_logout_redirect_uri=" + java.net.URLEncoder.encode(app.origin() + "/login",
                java.nio.charset.StandardCharsets.UTF_8)), url);
        assertNotEquals(200, app.me(browser.cookieHeader()));
    }

    /** A request as a proxy on this machine sends it, Host and all (the JDK's client will not set Host). */
    static String rawGet(RunningServer server, String path, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nX-Forwarded-Proto: https\r\n"
                    + "Accept: text/html\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    static UnaryOperator<ServerSettings> behindAProxy(boolean withBaseUrl) {
        return s -> new ServerSettings(s.host(), s.port(), s.storeUrl(), List.of("127.0.0.1"), s.auth(), s.apiKeys(),
                s.sessionIdle(), s.keyLifetime(), s.registration(), s.impersonationLimit(), s.allowedHosts(), s.portal(),
                withBaseUrl ? s.signIn() : s.signIn().withBaseUrl(Optional.empty()));
    }

    @Test
    void theRedirectUriComesFromTheBaseUrlNeverFromTheHostHeader() throws Exception {
        start(env(), behindAProxy(true));
        String answer = rawGet(app, "/auth/corp", "evil.example");
        assertTrue(answer.contains("redirect_uri=" + java.net.URLEncoder.encode(app.origin() + "/auth/corp/callback",
                java.nio.charset.StandardCharsets.UTF_8)), answer);
        assertFalse(answer.contains("evil.example"), answer);
    }

    @Test
    void withoutABaseUrlATrustedProxysHostAndSchemeMakeTheRedirectUri() throws Exception {
        start(env(), behindAProxy(false));
        String answer = rawGet(app, "/auth/corp", "auth.example.org");
        assertTrue(answer.contains("redirect_uri=https%3A%2F%2Fauth.example.org%2Fauth%2Fcorp%2Fcallback"), answer);
    }
}
