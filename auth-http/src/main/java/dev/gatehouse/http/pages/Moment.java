package dev.gatehouse.http.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A point in time as the pages show it: ISO for {@code <time datetime>}, the exact UTC time
 * for a title, the date alone, and a relative phrase ("3 hours ago") for reading at a glance.
 */
public record Moment(String iso, String exact, String date, String ago) {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** {@code at} as seen at {@code now}. */
    public static Moment of(Instant at, Instant now) {
        return new Moment(at.toString(), EXACT.format(at), DATE.format(at), ago(Duration.between(at, now)));
    }

    /** "just now", "5 minutes ago", "3 hours ago", "2 days ago", "4 months ago", "in 2 hours". */
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

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}
