package dev.gatehouse.cli;

import dev.gatehouse.core.model.HumanDuration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * When a new key should expire, as {@code --expires} says it: a duration from now ({@code 90d},
 * {@code 1y}), a date ({@code 2027-01-31}: the key stops working at the start of that day, UTC),
 * an instant ({@code 2027-01-31T12:00:00Z}) or {@code never}. Without the option the server's
 * key policy decides ({@link #policyDefault()}).
 */
record KeyExpiry(Optional<Instant> at, boolean never) {

    static final String FORMS = "a duration such as 30d, 90d or 1y, a date such as 2027-01-31, or never";

    /** No expiry asked for: the key policy's default lifetime applies. */
    static KeyExpiry policyDefault() {
        return new KeyExpiry(Optional.empty(), false);
    }

    /** Reads {@code text} relative to {@code now}; a bad or past value is a usage error naming the forms. */
    static KeyExpiry parse(String text, Instant now) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("never")) {
            return new KeyExpiry(Optional.empty(), true);
        }
        Instant at;
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            at = date(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (value.matches("\\d{4}-\\d{2}-\\d{2}t.*")) {
            at = instant(text.strip());
        } else {
            try {
                at = now.plus(HumanDuration.parse(value));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new UsageException("--expires '" + text + "' is not an expiry; give " + FORMS + ".");
            }
        }
        if (!at.isAfter(now)) {
            throw new UsageException("--expires '" + text + "' is not in the future (it is " + at
                    + "); give a later date or a duration such as 90d.");
        }
        return new KeyExpiry(Optional.of(at), false);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--expires '" + text + "' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-31.");
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new UsageException("--expires '" + text + "' is not a time; write it as 2027-01-31T12:00:00Z"
                    + " (UTC), or give " + FORMS + ".");
        }
    }
}
