package dev.gatehouse.core.model.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** "From when" as people write it: a duration back from now ({@code 7d}), a date, or an instant. */
public final class StartTime {

    /** The forms {@link #parse} reads, for messages. */
    public static final String FORMS = "a duration back from now (30m, 12h, 7d), a date (2026-11-01) or an instant"
            + " (2026-11-01T08:00:00Z)";

    private StartTime() {
    }

    /**
     * The instant {@code text} means at {@code now}: now minus a duration, the start of a date in
     * {@code zone}, or an ISO-8601 instant.
     *
     * @throws IllegalArgumentException naming the forms, when it is none of them
     */
    public static Instant parse(String text, Instant now, ZoneId zone) {
        String value = text == null ? "" : text.strip();
        try {
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return now.minus(HumanDuration.parse(value));
                } catch (IllegalArgumentException notADuration) {
                    throw new IllegalArgumentException("'" + value.replaceAll("\\p{Cntrl}", "?") + "' is not "
                            + FORMS + ".");
                }
            }
        }
    }
}
