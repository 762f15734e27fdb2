package dev.gatehouse.http;

import io.micronaut.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * The static keys of {@code --auth apikey} (LocalAI's {@code API_KEY}): kept only as SHA-256
 * digests, compared in constant time, every configured key checked so timing does not say which.
 */
final class StaticApiKeys {

    private final List<byte[]> digests;

    StaticApiKeys(List<String> keys) {
        this.digests = keys.stream().map(StaticApiKeys::sha256).toList();
    }

    /** True if the request carries one of the keys as {@code Authorization: Bearer KEY} or {@code x-api-key: KEY}. */
    boolean admits(HttpRequest<?> request) {
        Optional<String> presented = presented(request);
        if (presented.isEmpty()) {
            return false;
        }
        byte[] digest = sha256(presented.get());
        boolean match = false;
        for (byte[] known : digests) {
            match |= MessageDigest.isEqual(known, digest);
        }
        return match;
    }

    /** The key a request presents, if any. */
    static Optional<String> presented(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
        return bearer.or(() -> request.getHeaders().get("x-api-key", String.class).map(String::strip))
                .filter(key -> !key.isEmpty());
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
