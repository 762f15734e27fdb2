package dev.gatehouse.crypto;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in PHC string form, {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>},
 * salt and hash in standard Base64 without padding as the reference implementation writes them.
 */
record Argon2idPhc(Argon2idParameters parameters, byte[] salt, byte[] hash) {

    static final String PREFIX = "$argon2id$";
    private static final String VERSION = "v=19";
    private static final String SHAPE = "$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>";
    // Strict on purpose: decimal without sign or leading zeros, fixed order, no optional fields.
    private static final Pattern COSTS =
            Pattern.compile("m=(0|[1-9][0-9]{0,11}),t=(0|[1-9][0-9]{0,11}),p=(0|[1-9][0-9]{0,11})");
    private static final Pattern B64 = Pattern.compile("[A-Za-z0-9+/]{1,128}");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    /** Writes the PHC string. */
    String format() {
        return PREFIX + VERSION + "$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations()
                + ",p=" + parameters.parallelism() + "$" + ENCODER.encodeToString(salt)
                + "$" + ENCODER.encodeToString(hash);
    }

    /** Reads a PHC string, refusing anything not exactly in the shape {@link #format()} writes. */
    static Argon2idPhc parse(String stored) throws UnsupportedHashException {
        String[] fields = stored.split("\\$", -1);
        if (fields.length != 6) {
            throw new UnsupportedHashException("has " + (fields.length - 1)
                    + " '$'-separated fields; expected 5, as in " + SHAPE + " (truncated?)");
        }
        if (!VERSION.equals(fields[2])) {
            throw new UnsupportedHashException("has version field other than v=19 (Argon2 1.3);"
                    + " only v=19 is supported");
        }
        Matcher costs = COSTS.matcher(fields[3]);
        if (!costs.matches()) {
            throw new UnsupportedHashException("has a malformed parameter field; expected"
                    + " m=<KiB>,t=<passes>,p=<lanes> in that order, plain decimal numbers");
        }
        byte[] salt = decode("salt", fields[4]);
        byte[] hash = decode("hash", fields[5]);
        try {
            Argon2idParameters parameters = new Argon2idParameters(number(costs, 1, "m"),
                    number(costs, 2, "t"), number(costs, 3, "p"), salt.length, hash.length);
            return new Argon2idPhc(parameters, salt, hash);
        } catch (IllegalArgumentException outOfRange) {
            // The log line adds its own full stop.
            String reason = outOfRange.getMessage().replaceFirst("\\.$", "");
            throw new UnsupportedHashException("is out of range: " + reason);
        }
    }

    private static int number(Matcher costs, int group, String name) throws UnsupportedHashException {
        long value = Long.parseLong(costs.group(group));
        if (value > Integer.MAX_VALUE) {
            // Caught before the int cast, so m=4000000000 cannot wrap round to a small number.
            throw new UnsupportedHashException("asks for " + name + "=" + value + ", which is absurdly large;"
                    + " the caps are m<=" + Argon2idParameters.MAX_MEMORY_KIB + " KiB and t<="
                    + Argon2idParameters.MAX_ITERATIONS);
        }
        return (int) value;
    }

    private static byte[] decode(String field, String text) throws UnsupportedHashException {
        if (!B64.matcher(text).matches()) {
            throw new UnsupportedHashException("has a " + field + " field that is empty, too long or not"
                    + " standard Base64 without padding");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException badLength) {
            throw new UnsupportedHashException("has a " + field + " field of impossible Base64 length "
                    + text.length() + " (truncated?)");
        }
        // Re-encoding catches stray low bits in the last character, another sign of truncation.
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new UnsupportedHashException("has a " + field + " field that is not canonical Base64"
                    + " (truncated?)");
        }
        return bytes;
    }
}
