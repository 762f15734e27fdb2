package dev.gatehouse.core.service.sessions;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live: an absolute lifetime from sign-in, an idle timeout from the last
 * request, and how often activity is written back (so a busy session is not a write per request).
 */
public record SessionPolicy(Duration absoluteLifetime, Duration idleTimeout, Duration touchInterval) {

    public SessionPolicy {
        Objects.requireNonNull(absoluteLifetime, "absoluteLifetime");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(touchInterval, "touchInterval");
        if (absoluteLifetime.isNegative() || absoluteLifetime.isZero()) {
            throw new IllegalArgumentException("The session lifetime must be positive, was " + absoluteLifetime);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive, was " + idleTimeout);
        }
        if (touchInterval.isNegative() || touchInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("The touch interval (" + touchInterval
                    + ") must be shorter than the idle timeout (" + idleTimeout + ")");
        }
    }

    /** 30 days absolute (as llms.py), 7 days idle, activity written at most once a minute. */
    public static SessionPolicy defaults() {
        return new SessionPolicy(Duration.ofDays(30), Duration.ofDays(7), Duration.ofMinutes(1));
    }
}
