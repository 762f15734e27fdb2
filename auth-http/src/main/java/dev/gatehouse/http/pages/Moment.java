package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.time.Times;
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
        return new Moment(at.toString(), EXACT.format(at), DATE.format(at), Times.ago(at, now));
    }
}
