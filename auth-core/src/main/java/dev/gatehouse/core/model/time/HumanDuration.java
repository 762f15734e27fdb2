package dev.gatehouse.core.model.time;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in flags and settings: {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}, {@code 1y}. */
public final class HumanDuration {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*([smhdwy])");

    private HumanDuration() {
    }

    /** Parses one number and unit; anything else is an error that shows the accepted forms. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write a number and a unit,"
                    + " e.g. 90s, 30m, 12h, 7d, 2w or 1y.");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            default -> Duration.ofDays(365 * n);
        };
        if (d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is zero; give a positive duration such as 7d.");
        }
        return d;
    }

    /** The shortest exact form: {@code 7d}, {@code 12h}, {@code 90s}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }
}
