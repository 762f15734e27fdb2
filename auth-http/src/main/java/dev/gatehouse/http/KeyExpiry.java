package dev.gatehouse.http;

import dev.gatehouse.core.model.HumanDuration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When a new key should expire, as a client writes it: a duration from now ({@code 30d},
 * {@code 12h}, {@code 1y}), a date ({@code 2027-01-31}, meaning 00:00 UTC that day), an instant
 * ({@code 2027-01-31T12:00:00Z}), or {@code never}. Left out: the server's default lifetime.
 */
record KeyExpiry(Optional<Instant> at, boolean never) {

    static final String FORMS = "a duration such as 30d, 90d or 1y, a date such as 2027-01-31, or never";

    /** The server's default. */
    static KeyExpiry byDefault() {
        return new KeyExpiry(Optional.empty(), false);
    }

    /** {@code text} read at {@code now}; anything unreadable is an IllegalArgumentException naming the forms. */
    static KeyExpiry parse(String text, Instant now) {
        String value = text.strip();
        if (value.equalsIgnoreCase("never")) {
            return new KeyExpiry(Optional.empty(), true);
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return at(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
                return at(Instant.parse(value));
            }
            return at(now.plus(HumanDuration.parse(value)));
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value.replaceAll("\\p{Cntrl}", "?") + "' is not an expiry; give "
                    + FORMS + ".");
        }
    }

    private static KeyExpiry at(Instant when) {
        return new KeyExpiry(Optional.of(when), false);
    }
}
