package dev.gatehouse.core.model.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the domain keeps them: to the millisecond, so every store (SQLite keeps
 * milliseconds, PostgreSQL microseconds, JSON floats) round-trips them exactly.
 */
public final class Times {
    private Times() {
    }

    /** Drops everything below the millisecond. */
    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
