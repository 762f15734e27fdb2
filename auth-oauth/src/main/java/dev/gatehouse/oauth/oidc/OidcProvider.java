package dev.gatehouse.oauth.oidc;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.OidcSettings;
import dev.gatehouse.oauth.flow.CallbackCheck;
import dev.gatehouse.oauth.flow.ProviderUnavailableException;
import dev.gatehouse.oauth.flow.Refusal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in through an OpenID Connect provider (Keycloak, Authentik, Authelia, Google, Entra ID, Okta,
 * Zitadel): discovery from the issuer, the authorization code flow with PKCE S256, {@code state} and
 * {@code nonce}, the RFC 9207 {@code iss} check against mix-ups, and a fully validated ID token.
 * Nothing happens on the network until {@link #discoverNow}, {@link #begin} or {@link #health}.
 */
public final class OidcProvider implements IdentityProvider {

    private final OidcSettings settings;
    private final FlowSettings flow;
    private final Clock clock;
    private final Discovery discovery;
    private final TokenExchange exchange;

    public OidcProvider(OidcSettings settings, FlowSettings flow, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.flow = Objects.requireNonNull(flow, "flow");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.discovery = new Discovery(settings, flow, clock);
        this.exchange = new TokenExchange(settings, flow);
    }

    public OidcSettings settings() {
        return settings;
    }

    /** Discovers now (blocking, bounded by the timeouts) and says how it went: for the start-up report. */
    public Health discoverNow() {
        return discovery.discoverNow();
    }

    @Override
    public ProviderName name() {
        return settings.name();
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    /**
     * The provider's authorization address with a fresh {@code state}, {@code nonce} and PKCE S256
     * challenge.
     *
     * @throws ProviderUnavailableException when discovery has not succeeded (it is retried meanwhile)
     */
    @Override
    public Redirect begin(URI redirectUri) {
        Discovery.Found found = discovery.ready().orElseThrow(() -> new ProviderUnavailableException(
                settings.displayName() + " cannot be used for signing in right now: " + discovery.problem()
                        + ". Try again in a minute, or sign in another way."));
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI location = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(settings.scopes().toArray(String[]::new)),
                new ClientID(settings.clientId()), redirectUri)
                .endpointURI(found.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new Redirect(location, new RoundTrip(settings.name(), state.getValue(), nonce.getValue(),
                verifier.getValue(), clock.instant()));
    }

    @Override
    public Outcome complete(Map<String, String> callback, RoundTrip started, URI redirectUri) {
        try {
            Optional<Failed> early = CallbackCheck.check(settings.name(), settings.displayName(), callback, started, clock,
                    flow.roundTripMaxAge());
            if (early.isPresent()) {
                return early.get();
            }
            Discovery.Found found = discovery.ready().orElseThrow(() -> new Refusal(Failure.UNAVAILABLE,
                    settings.displayName() + " cannot be reached right now (" + discovery.problem() + "); try again"
                            + " in a minute."));
            checkIssuerParameter(callback, found);
            Optional<Failed> error = CallbackCheck.providerError(settings.displayName(), callback);
            if (error.isPresent()) {
                return error.get();
            }
            TokenExchange.Tokens tokens = exchange.redeem(found, callback.get("code"), redirectUri, started);
            return new Verified(new IdentityClaims(settings, flow).identity(found, tokens, started));
        } catch (Refusal refusal) {
            return refusal.failed();
        } catch (RuntimeException unexpected) {
            // The port promises an answer, not an exception, whatever a provider sends.
            return new Failed(Failure.PROVIDER_ERROR, settings.displayName() + " sent an answer that could not be used ("
                    + Discovery.describe(unexpected) + ").");
        }
    }

    /**
     * RFC 9207: the {@code iss} parameter must name this provider when it is sent, and must be sent
     * when the provider announced it does so; a callback that names another issuer was meant for
     * another provider (a mix-up attack) and is refused before the code goes anywhere.
     */
    private void checkIssuerParameter(Map<String, String> callback, Discovery.Found found) throws Refusal {
        String iss = callback.get("iss");
        String expected = found.metadata().getIssuer().getValue();
        if (iss == null) {
            if (found.metadata().supportsAuthorizationResponseIssuerParam()) {
                throw new Refusal(Failure.ISSUER_MISMATCH, "The answer did not say it came from " + settings.displayName()
                        + ", which always says so; start again from the sign-in page.");
            }
        } else if (!CallbackCheck.sameSecret(iss, expected)) {
            throw new Refusal(Failure.ISSUER_MISMATCH, "The answer came from another provider than "
                    + settings.displayName() + " (the one this sign-in went to); start again from the sign-in page.");
        }
    }

    @Override
    public Health health() {
        return discovery.health();
    }

    /** The provider's {@code end_session_endpoint} with our {@code client_id} and where to come back to. */
    @Override
    public Optional<URI> logoutAt(URI afterLogout) {
        return discovery.ready().map(found -> found.metadata().getEndSessionEndpointURI()).map(end -> {
            String separator = end.getRawQuery() == null ? "?" : "&";
            return URI.create(end + separator + "client_id=" + encode(settings.clientId())
                    + "&post_logout_redirect_uri=" + encode(afterLogout.toString()));
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "OidcProvider[" + settings.name() + ", " + settings.issuer() + "]";
    }
}
