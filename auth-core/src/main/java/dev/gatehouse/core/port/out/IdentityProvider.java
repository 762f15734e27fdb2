package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.ProviderName;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Somewhere people prove who they are by a browser round trip: GitHub, an OpenID Connect issuer.
 * {@code auth-oauth} implements it (without Micronaut); core decides what a proven identity may
 * do ({@code SignInWithProvider}).
 *
 * <p>A round trip: {@link #begin} makes the address to send the browser to and the
 * {@link RoundTrip} secrets ({@code state}, {@code nonce}, PKCE verifier) that the caller keeps
 * bound to that browser (a sealed cookie) and hands back to {@link #complete} with the callback's
 * query parameters. {@code complete} checks everything a careful relying party checks (state,
 * issuer, the code exchange with the verifier, the ID token's signature, issuer, audience,
 * authorized party, times and nonce; GitHub's allow-lists) and answers {@link Verified} only when
 * all of it holds. It never throws for anything a provider or a browser sends: every failure is a
 * {@link Failed} with a {@link Failure} and a message a person can act on.
 */
public interface IdentityProvider {

    /** The operator's name for it: routes, links and audit entries use it. */
    ProviderName name();

    /** What the sign-in button says after "Sign in with": {@code GitHub}, {@code Keycloak}. */
    String displayName();

    /**
     * Starts a round trip that returns to {@code redirectUri} (built from the configured public
     * address, never from a request's Host header).
     */
    Redirect begin(URI redirectUri);

    /**
     * Finishes the round trip that {@code started} began: {@code callback} holds the query
     * parameters the provider sent the browser back with ({@code code}, {@code state},
     * {@code iss}, or {@code error} and {@code error_description}).
     */
    Outcome complete(Map<String, String> callback, RoundTrip started, URI redirectUri);

    /** Whether the provider can be used now (discovery done, keys fetched); {@code /readyz} reports it. */
    Health health();

    /**
     * Where to send a browser to end its session at the provider too (OIDC RP-initiated logout),
     * if the provider offers it; {@code afterLogout} is where the provider sends it back.
     */
    default Optional<URI> logoutAt(URI afterLogout) {
        return Optional.empty();
    }

    /** Where to send the browser, and what to keep bound to it until it comes back. */
    record Redirect(URI location, RoundTrip roundTrip) {
        public Redirect {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(roundTrip, "roundTrip");
        }
    }

    /**
     * The secrets of one round trip, kept by the browser's side (sealed, so it cannot read or
     * change them) and given back to {@link #complete}: they are what ties the callback to the
     * browser that started it. {@code codeVerifier} is PKCE's; {@code nonce} is empty for GitHub.
     */
    record RoundTrip(ProviderName provider, String state, String nonce, String codeVerifier, Instant startedAt) {
        public RoundTrip {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(codeVerifier, "codeVerifier");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        @Override
        public String toString() {
            return "RoundTrip[" + provider + ", started " + startedAt + "]";
        }
    }

    /** How a round trip ended. */
    sealed interface Outcome permits Verified, Failed {
    }

    /** Everything checked: this is who the person is at the provider. */
    record Verified(ExternalIdentity identity) implements Outcome {
        public Verified {
            Objects.requireNonNull(identity, "identity");
        }
    }

    /** It did not work; {@code message} says what happened in words a person can act on (no secrets). */
    record Failed(Failure why, String message) implements Outcome {
        public Failed {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a round trip failed, for pages, JSON answers and the audit log. */
    enum Failure {
        /** The person declined at the provider ({@code error=access_denied}). */
        ACCESS_DENIED,
        /** The provider answered with another error, or a callback without a code. */
        PROVIDER_ERROR,
        /** The callback's {@code state} is missing or is not this browser's (login CSRF, a replay, an old tab). */
        STATE_MISMATCH,
        /** The callback names another issuer than the one this round trip went to (RFC 9207 mix-up). */
        ISSUER_MISMATCH,
        /** The round trip was started too long ago. */
        EXPIRED,
        /** The code was refused at the token endpoint (used twice, expired, wrong verifier). */
        CODE_REJECTED,
        /** The ID token failed a check: signature, issuer, audience, authorized party, times, nonce. */
        INVALID_TOKEN,
        /** The provider could not be reached, or did not answer in time. */
        UNAVAILABLE,
        /** The person is not on the operator's allow-list (GitHub users, organisations, teams). */
        NOT_ALLOWED,
        /** The provider gave no address, or one it has not verified, where one is required. */
        EMAIL_UNVERIFIED
    }

    /** Whether the provider is usable, and if not, why (for start-up reports and {@code /readyz}). */
    record Health(boolean up, String detail) {
        public static Health ok() {
            return new Health(true, "ok");
        }

        public static Health down(String why) {
            return new Health(false, why);
        }
    }
}
