package dev.gatehouse.oauth.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The timings every provider keeps: HTTP timeouts (a provider that does not answer in time is
 * {@code UNAVAILABLE}, never a hung sign-in), how long a round trip may take, the clock skew
 * allowed on token times, how often an unknown key may make us fetch the JWKS again, and how
 * failed discovery is retried (doubling from {@code retryFirst} up to {@code retryMax}).
 */
public record FlowSettings(Duration connectTimeout, Duration readTimeout, Duration roundTripMaxAge,
                           Duration clockSkew, Duration jwksMinRefresh, Duration retryFirst, Duration retryMax) {

    /** Five seconds to connect or read, ten minutes for a round trip, 60 s skew, 30 s between JWKS refetches. */
    public static final FlowSettings DEFAULTS = new FlowSettings(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(2),
            Duration.ofMinutes(5));

    public FlowSettings {
        for (Duration d : new Duration[] {connectTimeout, readTimeout, roundTripMaxAge, clockSkew, jwksMinRefresh,
                retryFirst, retryMax}) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative()) {
                throw new ConfigException("Sign-in timings must not be negative (got " + d + ").");
            }
        }
    }

    public FlowSettings withTimeouts(Duration connect, Duration read) {
        return new FlowSettings(connect, read, roundTripMaxAge, clockSkew, jwksMinRefresh, retryFirst, retryMax);
    }

    public FlowSettings withRetry(Duration first, Duration max) {
        return new FlowSettings(connectTimeout, readTimeout, roundTripMaxAge, clockSkew, jwksMinRefresh, first, max);
    }

    public FlowSettings withJwksMinRefresh(Duration interval) {
        return new FlowSettings(connectTimeout, readTimeout, roundTripMaxAge, clockSkew, interval, retryFirst, retryMax);
    }

    /** Milliseconds, as the HTTP clients want them (at most {@code Integer.MAX_VALUE}). */
    static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    public int connectMillis() {
        return millis(connectTimeout);
    }

    public int readMillis() {
        return millis(readTimeout);
    }
}
