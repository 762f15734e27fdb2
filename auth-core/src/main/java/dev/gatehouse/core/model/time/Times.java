package dev.gatehouse.core.model.time;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the domain keeps them: to the millisecond, so every store (SQLite keeps
 * milliseconds, PostgreSQL microseconds, JSON floats) round-trips them exactly; and the one way
 * every screen says how long ago something was, so the CLI and the pages agree.
 */
public final class Times {
    private Times() {
    }

    /** Drops everything below the millisecond. */
    public static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** "just now", "5 minutes ago", "3 hours ago", "2 days ago", "4 months ago", "2 years ago"; "in 2 hours" ahead. */
    public static String ago(Duration elapsed) {
        if (elapsed.isNegative()) {
            String later = ago(elapsed.negated());
            return later.equals("just now") ? later : "in " + later.substring(0, later.length() - " ago".length());
        }
        long seconds = elapsed.toSeconds();
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return count(minutes, "minute");
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return count(hours, "hour");
        }
        long days = hours / 24;
        if (days < 30) {
            return count(days, "day");
        }
        if (days < 365) {
            return count(days / 30, "month");
        }
        return count(days / 365, "year");
    }

    /** As {@link #ago(Duration)}, from {@code then} to {@code now}. */
    public static String ago(Instant then, Instant now) {
        return ago(Duration.between(then, now));
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}
