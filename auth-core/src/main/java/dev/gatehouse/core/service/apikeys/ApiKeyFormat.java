package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.out.SecureRandomSource;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * What Gatehouse's API keys look like: {@code gate_}, 43 random base62 characters (256 bits), and
 * 6 base62 characters of the CRC32 of everything before them, 54 characters in all. The prefix lets
 * people and secret scanners recognise a leaked key; the checksum lets a typo or another product's
 * key be turned away without a store lookup.
 */
public final class ApiKeyFormat {

    /** Every key starts with this. */
    public static final String PREFIX = "gate_";
    /** Random characters after the prefix: 43 × log2(62) ≈ 256.03 bits. */
    public static final int RANDOM_CHARS = 43;
    /** Checksum characters at the end: 62^6 > 2^32 holds any CRC32. */
    public static final int CHECKSUM_CHARS = 6;
    /** The length of every key. */
    public static final int LENGTH = PREFIX.length() + RANDOM_CHARS + CHECKSUM_CHARS;
    /** How many leading characters listings show ({@code gate_} and 7 more). */
    public static final int DISPLAY_CHARS = 12;
    /** Characters in a minted key's public id: about 95 bits. */
    public static final int ID_CHARS = 16;

    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    // Every key check reads each character's value: a table, not a search of the alphabet.
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private ApiKeyFormat() {
    }

    /** A new key: prefix, 256 random bits, checksum. */
    public static String newKey(SecureRandomSource random) {
        String body = PREFIX + randomBase62(random, RANDOM_CHARS);
        return body + checksum(body);
    }

    /** A new public id of {@value #ID_CHARS} random base62 characters. */
    public static ApiKeyId newId(SecureRandomSource random) {
        return new ApiKeyId(randomBase62(random, ID_CHARS));
    }

    /** The part of {@code key} listings show. */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(DISPLAY_CHARS, key.length()));
    }

    /**
     * True if {@code text} has the prefix, length, alphabet and checksum of a Gatehouse key: cheap,
     * no store involved. Says nothing about whether such a key was ever minted.
     */
    public static boolean looksValid(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        byte[] body = new byte[LENGTH - CHECKSUM_CHARS];
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (i >= PREFIX.length() && valueOf(c) < 0) {
                return false;
            }
            if (i < body.length) {
                body[i] = (byte) c;
            }
        }
        CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        long value = crc.getValue();
        for (int i = LENGTH - 1; i >= LENGTH - CHECKSUM_CHARS; i--) {
            if (valueOf(text.charAt(i)) != value % 62) {
                return false;
            }
            value /= 62;
        }
        return true;
    }

    /** The base62 value of {@code c}, or -1 if it is not in the alphabet. */
    private static int valueOf(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }

    /** The CRC32 of {@code body} as 6 base62 characters, most significant first. */
    public static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_CHARS];
        for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    /** Uniform base62 characters: a random byte maps to one only below 248 (4 × 62), so none is likelier. */
    public static String randomBase62(SecureRandomSource random, int length) {
        StringBuilder out = new StringBuilder(length);
        byte[] buffer = new byte[length + 8];
        while (out.length() < length) {
            random.nextBytes(buffer);
            for (int i = 0; i < buffer.length && out.length() < length; i++) {
                int b = buffer[i] & 0xff;
                if (b < 248) {
                    out.append(ALPHABET.charAt(b % 62));
                }
            }
        }
        return out.toString();
    }
}
