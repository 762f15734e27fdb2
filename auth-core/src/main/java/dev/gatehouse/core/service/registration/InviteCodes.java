package dev.gatehouse.core.service.registration;

import dev.gatehouse.core.model.registration.InviteId;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.service.apikeys.ApiKeyFormat;

/**
 * What invite codes look like: {@code inv_}, 32 random base62 characters (about 190 bits) and 6
 * checksum characters, as API keys are built ({@link ApiKeyFormat}). The prefix says what a code is
 * when it turns up in a chat or a log; the checksum turns a mistyped code away without a store lookup.
 */
public final class InviteCodes {

    /** Every code starts with this. */
    public static final String PREFIX = "inv_";
    static final int RANDOM_CHARS = 32;
    /** The length of every code. */
    public static final int LENGTH = PREFIX.length() + RANDOM_CHARS + ApiKeyFormat.CHECKSUM_CHARS;
    /** How many leading characters listings show. */
    public static final int DISPLAY_CHARS = 10;

    private InviteCodes() {
    }

    /** A new code: prefix, random characters, checksum. */
    public static String newCode(SecureRandomSource random) {
        String body = PREFIX + ApiKeyFormat.randomBase62(random, RANDOM_CHARS);
        return body + ApiKeyFormat.checksum(body);
    }

    /** A new public id of 16 random base62 characters. */
    public static InviteId newId(SecureRandomSource random) {
        return new InviteId(ApiKeyFormat.randomBase62(random, ApiKeyFormat.ID_CHARS));
    }

    /** The part of a code listings show. */
    public static String displayPrefix(String code) {
        return code.substring(0, Math.min(DISPLAY_CHARS, code.length()));
    }

    /** True if {@code text} has the prefix, length, alphabet and checksum of an invite code; no store involved. */
    public static boolean looksValid(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        String body = text.substring(0, LENGTH - ApiKeyFormat.CHECKSUM_CHARS);
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (ApiKeyFormat.ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return ApiKeyFormat.checksum(body).equals(text.substring(body.length()));
    }
}
