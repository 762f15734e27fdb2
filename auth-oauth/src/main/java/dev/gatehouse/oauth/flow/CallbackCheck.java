package dev.gatehouse.oauth.flow;

import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider.Failed;
import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.core.port.out.IdentityProvider.RoundTrip;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every provider makes on a callback before it talks to the provider again: the round
 * trip is this provider's, the {@code state} is this browser's (compared in constant time), it is
 * not too old, and the provider did not answer with an error.
 */
public final class CallbackCheck {

    private CallbackCheck() {
    }

    /** Empty when the callback may go on to the code exchange; the failure otherwise. */
    public static Optional<Failed> check(ProviderName provider, String displayName, Map<String, String> callback,
                                         RoundTrip started, Clock clock, Duration maxAge) {
        if (started == null || !started.provider().equals(provider)) {
            return Optional.of(new Failed(Failure.STATE_MISMATCH, "This sign-in was not started for " + displayName
                    + " in this browser; start again from the sign-in page."));
        }
        String state = callback.get("state");
        if (state == null || state.isEmpty() || !sameSecret(state, started.state())) {
            return Optional.of(new Failed(Failure.STATE_MISMATCH, "The answer from " + displayName + " does not belong"
                    + " to the sign-in this browser started (it may be old, used already, or sent by someone else);"
                    + " start again from the sign-in page."));
        }
        Instant now = clock.instant();
        if (started.startedAt().plus(maxAge).isBefore(now) || started.startedAt().isAfter(now.plusSeconds(60))) {
            return Optional.of(new Failed(Failure.EXPIRED, "The sign-in with " + displayName + " took longer than "
                    + maxAge.toMinutes() + " minutes; start again from the sign-in page."));
        }
        return Optional.empty();
    }

    /** The provider's {@code error} answer, if it sent one (RFC 6749 4.1.2.1), or a callback without a code. */
    public static Optional<Failed> providerError(String displayName, Map<String, String> callback) {
        String error = callback.get("error");
        if (error != null) {
            if (error.equals("access_denied")) {
                return Optional.of(new Failed(Failure.ACCESS_DENIED, "You declined the sign-in at " + displayName
                        + ", so nothing was changed; start again if that was a mistake."));
            }
            String description = Optional.ofNullable(callback.get("error_description")).map(d -> ": " + Text.clean(d))
                    .orElse("");
            return Optional.of(new Failed(Failure.PROVIDER_ERROR, displayName + " refused the sign-in ("
                    + Text.clean(error) + description + ")."));
        }
        String code = callback.get("code");
        if (code == null || code.isEmpty()) {
            return Optional.of(new Failed(Failure.PROVIDER_ERROR, displayName + " sent the browser back without a"
                    + " sign-in code; start again from the sign-in page."));
        }
        return Optional.empty();
    }

    /** Equal texts, compared without revealing by timing how much of a guess was right. */
    public static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
