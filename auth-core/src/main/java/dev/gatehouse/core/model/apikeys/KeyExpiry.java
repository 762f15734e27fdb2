package dev.gatehouse.core.model.apikeys;

import dev.gatehouse.core.model.time.HumanDuration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a new key should expire, as people write it: a duration from now ({@code 30d}, {@code 12h},
 * {@code 1y}), a date ({@code 2027-01-31}: the key stops working at the start of that day, UTC), an
 * instant ({@code 2027-01-31T12:00:00Z}) or {@code never}. {@link #byDefault()} leaves it to the key
 * policy. Whether the time is still ahead is the minting service's to check.
 */
public record KeyExpiry(Optional<Instant> at, boolean never) {

    /** The accepted forms, for messages that tell people what to write. */
    public static final String FORMS = "a duration such as 30d, 90d or 1y, a date such as 2027-01-31, or never";

    public KeyExpiry {
        Objects.requireNonNull(at, "at");
        if (never && at.isPresent()) {
            throw new IllegalArgumentException("A key expiry is either a time or never, not both.");
        }
    }

    /** No expiry asked for: the key policy's default lifetime applies. */
    public static KeyExpiry byDefault() {
        return new KeyExpiry(Optional.empty(), false);
    }

    /** Reads {@code text} relative to {@code now}; text in none of the forms is {@link Unreadable}. */
    public static KeyExpiry parse(String text, Instant now) {
        String value = text == null ? "" : text.strip();
        if (value.equalsIgnoreCase("never")) {
            return new KeyExpiry(Optional.empty(), true);
        }
        Unreadable.Kind kind = Unreadable.Kind.OTHER;
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                kind = Unreadable.Kind.DATE;
                return at(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (value.matches("(?i)\\d{4}-\\d{2}-\\d{2}t.*")) {
                kind = Unreadable.Kind.TIME;
                return at(Instant.parse(value.toUpperCase(Locale.ROOT)));
            }
            return at(now.plus(HumanDuration.parse(value)));
        } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
            throw new Unreadable(kind, value);
        }
    }

    private static KeyExpiry at(Instant when) {
        return new KeyExpiry(Optional.of(when), false);
    }

    /** Text that is not an expiry; {@link #kind()} tells which form it looked like, so callers can word the fix. */
    public static final class Unreadable extends IllegalArgumentException {

        /** The form the text looked like: a date that is not one, an instant that is not one, or neither. */
        public enum Kind { DATE, TIME, OTHER }

        private final Kind kind;

        Unreadable(Kind kind, String value) {
            super("'" + value.replaceAll("\\p{Cntrl}", "?") + "' is not an expiry; give " + FORMS + ".");
            this.kind = kind;
        }

        /** Which form the text looked like. */
        public Kind kind() {
            return kind;
        }
    }
}
