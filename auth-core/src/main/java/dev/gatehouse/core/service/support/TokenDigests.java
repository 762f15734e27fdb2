package dev.gatehouse.core.service.support;

import dev.gatehouse.core.port.out.SecretKeyStore;
import dev.gatehouse.core.port.out.SecureRandomSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes secret tokens and their keyed digests (HMAC-SHA-256 under a key kept in the store).
 * Only digests are stored; a lookup by digest needs no constant-time compare because the
 * digest of a guess reveals nothing about stored digests.
 */
public final class TokenDigests {

    /** Bytes of randomness in a token: 256 bits. */
    public static final int TOKEN_BYTES = 32;
    /** The name of the digest key in the {@link SecretKeyStore}. */
    public static final String KEY_NAME = "token-digest-key";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandomSource random;
    private final SecretKeyStore keys;
    private volatile SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public TokenDigests(SecureRandomSource random, SecretKeyStore keys) {
        this.random = random;
        this.keys = keys;
    }

    /** A new 256-bit token as 43 url-safe characters. */
    public String newToken() {
        return URL.encodeToString(random.bytes(TOKEN_BYTES));
    }

    /** A short random public id (96 bits), for things people need to point at. */
    public String newId() {
        return URL.encodeToString(random.bytes(12));
    }

    /** True if {@code token} has the shape {@link #newToken()} gives; cheap, no store access. */
    public static boolean looksLikeToken(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(TokenDigests::isUrlSafe);
    }

    /** The keyed digest of {@code token}, as 64 lowercase hex characters. */
    public String digest(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        // doFinal leaves the Mac reset and keyed, ready for this thread's next token.
        return HexFormat.of().formatHex(macs.get().doFinal(bytes));
    }

    /**
     * A keyed Mac for the calling thread: every checked request digests its token, and looking up
     * the provider and keying a new Mac cost more than the digest itself.
     */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JDK", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            current = new SecretKeySpec(keys.getOrCreate(KEY_NAME, () -> random.bytes(32)), "HmacSHA256");
            key = current;
        }
        return current;
    }

    private static boolean isUrlSafe(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
