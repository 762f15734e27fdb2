package dev.gatehouse.oauth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider.Failed;
import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.core.port.out.IdentityProvider.Outcome;
import dev.gatehouse.core.port.out.IdentityProvider.Redirect;
import dev.gatehouse.core.port.out.IdentityProvider.RoundTrip;
import dev.gatehouse.core.port.out.IdentityProvider.Verified;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.OidcSettings;
import dev.gatehouse.oauth.config.Secret;
import dev.gatehouse.oauth.testing.Browser;
import dev.gatehouse.oauth.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole OpenID Connect round trip against a real provider in this JVM (mock-oauth2-server):
 * discovery, the authorization request, the browser's trip there and back, the code exchange and
 * the ID token checks, and each way a round trip can go wrong.
 */
class OidcProviderTest {

    static final URI CALLBACK = URI.create("https://gatehouse.example/auth/keycloak/callback");
    static final ProviderName KEYCLOAK = ProviderName.of("keycloak");
    static final String ISSUER_ID = "realm";
    static final String CLIENT_ID = "gatehouse";

    static MockOAuth2Server server;

    MutableClock clock;
    OidcProvider provider;

    /** A provider of its own for each test: a token queued by one test never reaches another. */
    @BeforeEach
    void newProvider() {
        server = new MockOAuth2Server();
        server.start();
        clock = new MutableClock();
        provider = new OidcProvider(settings(), FlowSettings.DEFAULTS, clock);
    }

    @AfterEach
    void stopProvider() {
        server.shutdown();
    }

    static OidcSettings settings() {
        return OidcSettings.of(KEYCLOAK, server.issuerUrl(ISSUER_ID).uri(), CLIENT_ID, Secret.of("client-secret"));
    }

    /** The next token the provider issues says this about the person. */
    static void nextPerson(String subject, Map<String, Object> claims) {
        nextToken(subject, List.of(CLIENT_ID), claims, 3600);
    }

    static void nextToken(String subject, List<String> audience, Map<String, Object> claims, long expirySeconds) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", audience, claims, expirySeconds));
    }

    static Map<String, Object> alice() {
        return Map.of("preferred_username", "alice", "email", "Alice@Corp.example", "email_verified", true,
                "groups", List.of("gatehouse-admins", "staff"), "name", "Alice Liddell");
    }

    @Test
    void aPersonSignsInWithPkceStateAndNonceAndTheirGroupsCome() throws Exception {
        nextPerson("f3c1-alice", alice());
        Redirect redirect = provider.begin(CALLBACK);

        Map<String, String> asked = Browser.query(redirect.location());
        RoundTrip trip = redirect.roundTrip();
        assertEquals("code", asked.get("response_type"));
        assertEquals(CLIENT_ID, asked.get("client_id"));
        assertEquals(CALLBACK.toString(), asked.get("redirect_uri"));
        assertEquals("openid email profile", asked.get("scope"));
        assertEquals(trip.state(), asked.get("state"));
        assertEquals(trip.nonce(), asked.get("nonce"));
        assertEquals("S256", asked.get("code_challenge_method"));
        assertEquals(CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(trip.codeVerifier())).getValue(),
                asked.get("code_challenge"));
        assertTrue(trip.state().length() >= 32 && trip.nonce().length() >= 32 && trip.codeVerifier().length() >= 43);

        Outcome outcome = provider.complete(Browser.visit(redirect.location()), trip, CALLBACK);

        ExternalIdentity who = assertInstanceOf(Verified.class, outcome, () -> outcome.toString()).identity();
        assertEquals(KEYCLOAK, who.provider());
        assertEquals("f3c1-alice", who.subject());
        assertEquals("alice", who.login());
        assertEquals("Alice@corp.example", who.verifiedEmail().orElseThrow());
        assertEquals(List.of("gatehouse-admins", "staff"), who.groups());
        assertEquals("Alice Liddell", who.displayName().orElseThrow());
    }

    @Test
    void twoRoundTripsNeverShareTheirSecrets() {
        RoundTrip one = provider.begin(CALLBACK).roundTrip();
        RoundTrip two = provider.begin(CALLBACK).roundTrip();
        assertNotEquals(one.state(), two.state());
        assertNotEquals(one.nonce(), two.nonce());
        assertNotEquals(one.codeVerifier(), two.codeVerifier());
    }

    @Test
    void rolesAreReadFromADottedPathIntoTheClaims() throws Exception {
        provider = new OidcProvider(settings().withRolesClaim("resource_access.gatehouse.roles"), FlowSettings.DEFAULTS,
                clock);
        nextPerson("bob", Map.of("preferred_username", "bob",
                "resource_access", Map.of("gatehouse", Map.of("roles", List.of("admin")), "other", Map.of("roles",
                        List.of("ignored")))));

        ExternalIdentity who = signIn();

        assertEquals(List.of("admin"), who.groups());
    }

    @Test
    void withoutAUsernameTheLoginIsTheEmailAndThenTheSubject() throws Exception {
        nextPerson("carol-sub", Map.of("email", "carol@corp.example", "email_verified", true));
        assertEquals("carol@corp.example", signIn().login());

        nextPerson("dave-sub", Map.of());
        ExternalIdentity dave = signIn();
        assertEquals("dave-sub", dave.login());
        assertTrue(dave.groups().isEmpty());
    }

    @Test
    void anUnverifiedAddressIsPassedOnAsUnverified() throws Exception {
        nextPerson("eve", Map.of("email", "ceo@corp.example", "email_verified", false));

        ExternalIdentity eve = signIn();

        assertFalse(eve.emailVerified());
        assertTrue(eve.verifiedEmail().isEmpty());
    }

    @Test
    void anUnverifiedAddressIsRefusedWhereTheOperatorRequiresAVerifiedOne() throws Exception {
        provider = new OidcProvider(settings().withRequireVerifiedEmail(true), FlowSettings.DEFAULTS, clock);
        nextPerson("eve", Map.of("email", "ceo@corp.example", "email_verified", false));

        assertFailure(Failure.EMAIL_UNVERIFIED, roundTrip(provider.begin(CALLBACK), Map.of()));
    }

    @Test
    void declinedAtTheProviderIsAccessDenied() {
        Redirect redirect = provider.begin(CALLBACK);

        Failed failed = assertFailure(Failure.ACCESS_DENIED, provider.complete(Map.of("error", "access_denied",
                "state", redirect.roundTrip().state()), redirect.roundTrip(), CALLBACK));
        assertTrue(failed.message().contains("declined"), failed.message());
    }

    @Test
    void anotherErrorFromTheProviderIsAProviderErrorWithItsCleanedText() {
        Redirect redirect = provider.begin(CALLBACK);

        Failed failed = assertFailure(Failure.PROVIDER_ERROR, provider.complete(Map.of("error", "temporarily_unavailable",
                "error_description", "down\r\nfor maintenance", "state", redirect.roundTrip().state()),
                redirect.roundTrip(), CALLBACK));
        assertTrue(failed.message().contains("temporarily_unavailable"), failed.message());
        assertFalse(failed.message().contains("\n"), failed.message());
    }

    @Test
    void aCallbackWithoutStateIsRefused() throws Exception {
        Redirect redirect = provider.begin(CALLBACK);
        Map<String, String> callback = new HashMap<>(Browser.visit(redirect.location()));
        callback.remove("state");

        assertFailure(Failure.STATE_MISMATCH, provider.complete(callback, redirect.roundTrip(), CALLBACK));
    }

    @Test
    void aCallbackFromAnotherBrowsersRoundTripIsRefused() throws Exception {
        Redirect victims = provider.begin(CALLBACK);
        Redirect attackers = provider.begin(CALLBACK);
        Map<String, String> attackersCallback = Browser.visit(attackers.location());

        assertFailure(Failure.STATE_MISMATCH, provider.complete(attackersCallback, victims.roundTrip(), CALLBACK));
    }

    @Test
    void aRoundTripStartedForAnotherProviderIsRefused() throws Exception {
        Redirect redirect = provider.begin(CALLBACK);
        RoundTrip t = redirect.roundTrip();
        RoundTrip elsewhere = new RoundTrip(ProviderName.of("google"), t.state(), t.nonce(), t.codeVerifier(),
                t.startedAt());

        assertFailure(Failure.STATE_MISMATCH, provider.complete(Browser.visit(redirect.location()), elsewhere, CALLBACK));
    }

    @Test
    void aWrongNonceFailsTheIdToken() throws Exception {
        nextPerson("alice", alice());
        Redirect redirect = provider.begin(CALLBACK);
        RoundTrip t = redirect.roundTrip();
        RoundTrip otherNonce = new RoundTrip(t.provider(), t.state(), "a-nonce-this-browser-never-sent", t.codeVerifier(),
                t.startedAt());

        Failed failed = assertFailure(Failure.INVALID_TOKEN, provider.complete(Browser.visit(redirect.location()),
                otherNonce, CALLBACK));
        assertTrue(failed.message().contains("nonce"), failed.message());
    }

    @Test
    void aRoundTripOlderThanTenMinutesHasExpired() throws Exception {
        nextPerson("alice", alice());
        Redirect redirect = provider.begin(CALLBACK);
        Map<String, String> callback = Browser.visit(redirect.location());
        clock.advance(Duration.ofMinutes(11));

        assertFailure(Failure.EXPIRED, provider.complete(callback, redirect.roundTrip(), CALLBACK));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        Map<String, Object> claims = new HashMap<>(alice());
        claims.put("aud", "some-other-app"); // mock-oauth2-server puts the client's id unless a claim says otherwise
        nextToken("alice", List.of("some-other-app"), claims, 3600);

        Failed failed = assertFailure(Failure.INVALID_TOKEN, roundTrip(provider.begin(CALLBACK), Map.of()));
        assertTrue(failed.message().contains("audience"), failed.message());
    }

    @Test
    void anExpiredTokenIsRefusedBeyondTheSkew() throws Exception {
        nextToken("alice", List.of(CLIENT_ID), alice(), -120);

        Failed failed = assertFailure(Failure.INVALID_TOKEN, roundTrip(provider.begin(CALLBACK), Map.of()));
        assertTrue(failed.message().toLowerCase().contains("expired"), failed.message());
    }

    @Test
    void aTokenExpiredWithinTheSkewIsStillAccepted() throws Exception {
        nextToken("alice", List.of(CLIENT_ID), alice(), -20);

        assertInstanceOf(Verified.class, roundTrip(provider.begin(CALLBACK), Map.of()));
    }

    /**
     * mock-oauth2-server redeems a code twice, but the second ID token lacks the nonce (the code's
     * request is gone), so the replay still fails; {@code StandInIssuerTest} shows CODE_REJECTED
     * from a provider that refuses the code itself.
     */
    @Test
    void aCodeUsedTwiceSignsNobodyInTheSecondTime() throws Exception {
        nextPerson("alice", alice());
        Redirect redirect = provider.begin(CALLBACK);
        Map<String, String> callback = Browser.visit(redirect.location());
        assertInstanceOf(Verified.class, provider.complete(callback, redirect.roundTrip(), CALLBACK));

        assertInstanceOf(Failed.class, provider.complete(callback, redirect.roundTrip(), CALLBACK));
    }

    @Test
    void aCallbackNamingAnotherIssuerIsAMixUp() throws Exception {
        nextPerson("alice", alice());
        Redirect redirect = provider.begin(CALLBACK);

        Failed failed = assertFailure(Failure.ISSUER_MISMATCH, roundTrip(redirect, Map.of("iss",
                "https://evil.example/realms/main")));
        assertTrue(failed.message().contains("another provider"), failed.message());
    }

    @Test
    void aCallbackNamingThisIssuerIsAccepted() throws Exception {
        nextPerson("alice", alice());

        assertInstanceOf(Verified.class, roundTrip(provider.begin(CALLBACK), Map.of("iss",
                server.issuerUrl(ISSUER_ID).toString())));
    }

    @Test
    void logoutGoesToTheEndSessionEndpointWithClientIdAndReturnAddress() {
        URI logout = provider.logoutAt(URI.create("https://gatehouse.example/login?signed-out")).orElseThrow();

        assertTrue(logout.toString().startsWith(server.endSessionEndpointUrl(ISSUER_ID).toString()), logout.toString());
        Map<String, String> query = Browser.query(logout);
        assertEquals(CLIENT_ID, query.get("client_id"));
        assertEquals("https://gatehouse.example/login?signed-out", query.get("post_logout_redirect_uri"));
    }

    @Test
    void healthIsUpOnceDiscoveryWorked() {
        assertTrue(provider.discoverNow().up());
        assertTrue(provider.health().up());
    }

    /** The browser's trip and the callback (with {@code extra} parameters laid over it) handed to the provider. */
    Outcome roundTrip(Redirect redirect, Map<String, String> extra) throws Exception {
        Map<String, String> callback = new HashMap<>(Browser.visit(redirect.location()));
        callback.putAll(extra);
        return provider.complete(callback, redirect.roundTrip(), CALLBACK);
    }

    ExternalIdentity signIn() throws Exception {
        Outcome outcome = roundTrip(provider.begin(CALLBACK), Map.of());
        return assertInstanceOf(Verified.class, outcome, () -> outcome.toString()).identity();
    }

    static Failed assertFailure(Failure expected, Outcome outcome) {
        Failed failed = assertInstanceOf(Failed.class, outcome, () -> outcome.toString());
        assertEquals(expected, failed.why(), failed.message());
        assertFalse(failed.message().contains("client-secret"), failed.message());
        return failed;
    }
}
