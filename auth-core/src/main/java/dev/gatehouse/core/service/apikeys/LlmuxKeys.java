package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * llmux v2 keys, so keys imported from llmux keep working: {@code sas_<16-char id>.<43-char secret>}
 * (both base64url). llmux stored the standard Base64 of SHA-256 over the secret's text; Gatehouse
 * keeps that as the key's legacy verifier {@code llmux-sha256:<base64>} and the id as the key's id.
 */
public final class LlmuxKeys {

    /** The wire prefix of llmux v2 keys. */
    public static final String PREFIX = "sas_";
    /** The legacy verifier scheme of imported llmux keys. */
    public static final String SCHEME = "llmux-sha256";

    private static final int ID_CHARS = 16;
    private static final int SECRET_CHARS = 43;
    private static final int LENGTH = PREFIX.length() + ID_CHARS + 1 + SECRET_CHARS;

    /** A presented llmux key, split. */
    public record Parts(ApiKeyId id, String secret) {
        @Override
        public String toString() {
            return "Parts[" + id + ", secret=******]";
        }
    }

    private LlmuxKeys() {
    }

    /** The id and secret of {@code text} if it has llmux's shape; cheap, no store involved. */
    public static Optional<Parts> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)
                || text.charAt(PREFIX.length() + ID_CHARS) != '.') {
            return Optional.empty();
        }
        String id = text.substring(PREFIX.length(), PREFIX.length() + ID_CHARS);
        String secret = text.substring(LENGTH - SECRET_CHARS);
        if (!urlSafe(id) || !urlSafe(secret)) {
            return Optional.empty();
        }
        return Optional.of(new Parts(new ApiKeyId(id), secret));
    }

    /** The verifier llmux's {@code secretHash} becomes: {@code llmux-sha256:} and the hash as llmux wrote it. */
    public static String verifier(String secretHash) {
        return SCHEME + ":" + secretHash;
    }

    /** llmux's {@code secretHash} of {@code secret}: standard Base64 of SHA-256 over its UTF-8 text. */
    public static String secretHash(String secret) {
        return Base64.getEncoder().encodeToString(sha256(secret));
    }

    /**
     * The key an entry of llmux's {@code tokens.json} becomes: imported, no digest, checked by its
     * {@code secretHash}, with its own id, times and name, and no scopes (llmux had none).
     */
    public static ApiKey imported(ApiKeyId id, Username owner, String name, String secretHash, Instant createdAt,
                                  Optional<Instant> expiresAt, Optional<Instant> lastUsedAt) {
        return new ApiKey(id, owner, name, "", displayPrefix(id), createdAt, expiresAt, lastUsedAt, Set.of(),
                Optional.empty(), ApiKey.Origin.IMPORTED, Optional.of(verifier(secretHash)));
    }

    /** The listing prefix of an llmux key: its first 12 characters ({@code sas_} and 8 of the id). */
    public static String displayPrefix(ApiKeyId id) {
        return (PREFIX + id.value()).substring(0, ApiKeyFormat.DISPLAY_CHARS);
    }

    /** True if {@code key} is an imported llmux key and {@code secret} is its secret; constant time in the hash. */
    public static boolean verifies(ApiKey key, String secret) {
        Optional<String> stored = key.legacyVerifier().filter(v -> v.startsWith(SCHEME + ":"))
                .map(v -> v.substring(SCHEME.length() + 1));
        if (stored.isEmpty()) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(stored.get());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(secret));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    private static boolean urlSafe(String text) {
        return text.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '_');
    }
}
