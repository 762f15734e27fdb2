package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.port.out.SecureRandomSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The one-time code that proves the person finishing setup in a browser can read the server's
 * console: 80 random bits as 16 Crockford base-32 characters ({@code 7KQ2-MX9D-R4TF-0W3B}).
 * Typing is forgiving (case, dashes, spaces, O for 0, I/L for 1); comparison takes constant time.
 * It lives only in the server's memory and works once.
 */
public final class SetupCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final byte[] expected;
    private volatile boolean spent;

    private SetupCode(String normalized) {
        this.expected = normalized.getBytes(StandardCharsets.US_ASCII);
    }

    /** A fresh random code. */
    public static SetupCode random(SecureRandomSource random) {
        byte[] bits = random.bytes(10);
        StringBuilder code = new StringBuilder(16);
        long buffer = 0;
        int held = 0;
        for (byte b : bits) {
            buffer = (buffer << 8) | (b & 0xff);
            held += 8;
            while (held >= 5) {
                code.append(ALPHABET.charAt((int) (buffer >>> (held - 5)) & 31));
                held -= 5;
            }
        }
        return new SetupCode(code.toString());
    }

    /** The code as people read it, in groups of four. */
    public String display() {
        String plain = new String(expected, StandardCharsets.US_ASCII);
        return String.join("-", plain.substring(0, 4), plain.substring(4, 8), plain.substring(8, 12), plain.substring(12));
    }

    /** True if {@code typed} is this code and it has not been used. */
    public boolean matches(String typed) {
        byte[] given = normalize(typed == null ? "" : typed).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) && !spent;
    }

    /** Marks the code used: it never matches again. */
    public void spend() {
        spent = true;
    }

    static String normalize(String typed) {
        String upper = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return upper.replace('O', '0').replace('I', '1').replace('L', '1').replaceAll("[^0-9A-Z]", "?");
    }
}
