package dev.gatehouse.oauth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider.Failed;
import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.core.port.out.IdentityProvider.Outcome;
import dev.gatehouse.core.port.out.IdentityProvider.Redirect;
import dev.gatehouse.core.port.out.IdentityProvider.Verified;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.OidcSettings;
import dev.gatehouse.oauth.config.Secret;
import dev.gatehouse.oauth.flow.ProviderUnavailableException;
import dev.gatehouse.oauth.testing.Browser;
import dev.gatehouse.oauth.testing.MutableClock;
import dev.gatehouse.oauth.testing.StandInIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks that need a provider stricter or stranger than mock-oauth2-server: one-time codes and
 * PKCE enforced at the token endpoint, forged signatures, key rotation, tokens from another issuer
 * or for several audiences, slow answers, the RFC 9207 {@code iss} parameter a provider promised,
 * client_secret_post, and the userinfo endpoint.
 */
class StrictProviderTest {

    static final URI CALLBACK = URI.create("https://gatehouse.example/auth/corp/callback");

    StandInIssuer issuer;
    OidcProvider provider;

    @BeforeEach
    void start() throws Exception {
        issuer = new StandInIssuer();
        provider = provider(FlowSettings.DEFAULTS);
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    OidcProvider provider(FlowSettings flow) {
        return new OidcProvider(OidcSettings.of(ProviderName.of("corp"), issuer.issuer(), StandInIssuer.CLIENT_ID,
                Secret.of(StandInIssuer.CLIENT_SECRET)), flow, new MutableClock());
    }

    Outcome signIn() throws Exception {
        Redirect redirect = provider.begin(CALLBACK);
        return provider.complete(Browser.visit(redirect.location()), redirect.roundTrip(), CALLBACK);
    }

    static ExternalIdentity verified(Outcome outcome) {
        return assertInstanceOf(Verified.class, outcome, () -> outcome.toString()).identity();
    }

    static Failed failed(Failure why, Outcome outcome) {
        Failed failed = assertInstanceOf(Failed.class, outcome, () -> outcome.toString());
        assertEquals(why, failed.why(), failed.message());
        assertFalse(failed.message().contains(StandInIssuer.CLIENT_SECRET), failed.message());
        return failed;
    }

    @Test
    void aStrictProviderAcceptsOurPkceVerifierAndClientAuthentication() throws Exception {
        assertEquals("alice", verified(signIn()).login());
        assertEquals("client_secret_basic", issuer.lastClientAuthentication);
    }

    @Test
    void aCodeUsedTwiceIsRejectedByTheProvider() throws Exception {
        Redirect redirect = provider.begin(CALLBACK);
        Map<String, String> callback = Browser.visit(redirect.location());
        verified(provider.complete(callback, redirect.roundTrip(), CALLBACK));

        failed(Failure.CODE_REJECTED, provider.complete(callback, redirect.roundTrip(), CALLBACK));
    }

    @Test
    void aWrongPkceVerifierIsRejectedByTheProvider() throws Exception {
        Redirect redirect = provider.begin(CALLBACK);
        var t = redirect.roundTrip();
        var otherVerifier = new dev.gatehouse.core.port.out.IdentityProvider.RoundTrip(t.provider(), t.state(), t.nonce(),
                new com.nimbusds.oauth2.sdk.pkce.CodeVerifier().getValue(), t.startedAt());

        failed(Failure.CODE_REJECTED, provider.complete(Browser.visit(redirect.location()), otherVerifier, CALLBACK));
    }

    @Test
    void aTokenSignedWithAKeyTheProviderNeverPublishedIsRefused() throws Exception {
        issuer.forger = StandInIssuer.newKey();

        Failed failed = failed(Failure.INVALID_TOKEN, signIn());
        assertTrue(failed.message().toLowerCase().contains("signature"), failed.message());
    }

    @Test
    void afterTheProviderRotatesItsKeyTheNewKeyIsFetchedAndAccepted() throws Exception {
        verified(signIn());
        int fetches = issuer.jwksFetches.get();
        issuer.rotate();

        verified(signIn());
        assertEquals(fetches + 1, issuer.jwksFetches.get(), "the unknown kid made it fetch the keys once more");
    }

    @Test
    void tokensNamingUnknownKeysCannotMakeUsFetchTheKeysOverAndOver() throws Exception {
        verified(signIn());
        int fetches = issuer.jwksFetches.get();
        for (int i = 0; i < 5; i++) {
            issuer.rotate(); // every token now names a key we have not seen
            signIn();
        }
        assertTrue(issuer.jwksFetches.get() - fetches <= 2, "fetches: " + (issuer.jwksFetches.get() - fetches));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        issuer.shape = claims -> claims.issuer("https://elsewhere.example");

        failed(Failure.INVALID_TOKEN, signIn());
    }

    @Test
    void severalAudiencesNeedUsAsTheAuthorizedParty() throws Exception {
        issuer.shape = claims -> claims.audience(List.of(StandInIssuer.CLIENT_ID, "another-app"));
        failed(Failure.INVALID_TOKEN, signIn());

        issuer.shape = claims -> claims.audience(List.of(StandInIssuer.CLIENT_ID, "another-app"))
                .claim("azp", "another-app");
        failed(Failure.INVALID_TOKEN, signIn());

        issuer.shape = claims -> claims.audience(List.of(StandInIssuer.CLIENT_ID, "another-app"))
                .claim("azp", StandInIssuer.CLIENT_ID);
        verified(signIn());
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() throws Exception {
        issuer.shape = claims -> claims.issueTime(new Date(System.currentTimeMillis() + 600_000))
                .expirationTime(new Date(System.currentTimeMillis() + 900_000));

        failed(Failure.INVALID_TOKEN, signIn());
    }

    @Test
    void aTokenResponseWithoutAnIdTokenIsRefused() throws Exception {
        issuer.omitIdToken = true;

        Failed failed = failed(Failure.INVALID_TOKEN, signIn());
        assertTrue(failed.message().contains("no ID token"), failed.message());
    }

    @Test
    void aTokenWithoutTheNonceIsRefused() throws Exception {
        issuer.shape = claims -> claims.claim("nonce", null);

        failed(Failure.INVALID_TOKEN, signIn());
    }

    @Test
    void aSlowTokenEndpointEndsAsUnavailable() throws Exception {
        provider = provider(FlowSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
        issuer.tokenDelay = Duration.ofMillis(1500);

        Failed failed = failed(Failure.UNAVAILABLE, signIn());
        assertTrue(failed.message().contains("in time"), failed.message());
    }

    @Test
    void aProviderThatPromisedTheIssParameterMustSendIt() throws Exception {
        issuer.announceIssParameter = true;
        failed(Failure.ISSUER_MISMATCH, signIn());
        assertEquals(0, issuer.tokenRequests.get(), "the code went nowhere");

        issuer.issParameter = "right";
        verified(signIn());
    }

    @Test
    void anIssParameterNamingAnotherIssuerStopsTheCodeFromLeaving() throws Exception {
        issuer.issParameter = "wrong";

        failed(Failure.ISSUER_MISMATCH, signIn());
        assertEquals(0, issuer.tokenRequests.get());
    }

    @Test
    void aProviderThatTakesOnlyClientSecretPostGetsIt() throws Exception {
        issuer.authMethods = List.of("client_secret_post");

        verified(signIn());
        assertEquals("client_secret_post", issuer.lastClientAuthentication);
    }

    @Test
    void aDiscoveryDocumentSendingTheCodeOrKeysOverPlainHttpToAnotherHostIsRefused() throws Exception {
        // The issuer is plain http on this machine; "localhost" reaches the same server, but is another host.
        String elsewhere = "http://localhost:" + issuer.issuer().getPort();
        for (String endpoint : List.of("token_endpoint", "jwks_uri", "userinfo_endpoint", "authorization_endpoint")) {
            issuer.discoveryChanges = Map.of(endpoint, elsewhere + "/" + endpoint.replace("_endpoint", "")
                    .replace("_uri", ""));
            OidcProvider careless = provider(FlowSettings.DEFAULTS);

            assertFalse(careless.discoverNow().up(), endpoint);
            assertTrue(careless.health().detail().contains(endpoint), careless.health().detail());
            assertThrows(ProviderUnavailableException.class, () -> careless.begin(CALLBACK), endpoint);
        }
    }

    @Test
    void whatTheIdTokenLacksIsReadFromUserinfo() throws Exception {
        issuer.userInfo = Map.of("email", "alice@corp.example", "email_verified", true, "groups", List.of("admins"));

        ExternalIdentity alice = verified(signIn());

        assertEquals("alice@corp.example", alice.verifiedEmail().orElseThrow());
        assertEquals(List.of("admins"), alice.groups());
    }

    @Test
    void userinfosVerifiedFlagNeverVouchesForTheIdTokensAddress() throws Exception {
        issuer.shape = claims -> claims.claim("email", "boss@corp.example"); // no email_verified in the token
        issuer.userInfo = Map.of("email", "alice@corp.example", "email_verified", true, "groups", List.of("staff"));

        ExternalIdentity person = verified(signIn());

        assertEquals("boss@corp.example", person.email().orElseThrow());
        assertFalse(person.emailVerified(), "the flag was about another address");
    }

    @Test
    void userinfoAboutSomeoneElseIsRefused() throws Exception {
        issuer.userInfo = Map.of("sub", "s-" + UUID.randomUUID(), "email", "mallory@corp.example");

        failed(Failure.INVALID_TOKEN, signIn());
    }
}
