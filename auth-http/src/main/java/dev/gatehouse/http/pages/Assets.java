package dev.gatehouse.http.pages;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The web UI's static files, read once from the classpath ({@code /assets/}). Each carries a
 * hash of its bytes: the ETag, and the {@code ?v=} in the URLs the pages link, so a changed
 * file gets a new URL and an unchanged one can be cached for a year.
 */
@Singleton
class Assets {

    /** One file: its bytes, Content-Type and content hash. */
    record Asset(String name, byte[] bytes, String contentType, String hash) {

        String etag() {
            return '"' + hash + '"';
        }
    }

    /** Every file served, by name, with its type. Nothing else under /assets/ is reachable. */
    private static final Map<String, String> FILES = Map.of(
            "gatehouse.css", "text/css; charset=utf-8",
            "gatehouse.js", "text/javascript; charset=utf-8",
            "icon.svg", "image/svg+xml");

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    Assets() {
        FILES.forEach((name, type) -> {
            byte[] bytes = read(name);
            assets.put(name, new Asset(name, bytes, type, hash(bytes)));
        });
    }

    Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    /** The URL pages link for {@code name}, versioned by content. */
    String url(String name) {
        Asset asset = find(name).orElseThrow(() -> new IllegalArgumentException("No asset named " + name));
        return "/assets/" + name + "?v=" + asset.hash();
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The web UI file /assets/" + name + " is missing from the classpath;"
                        + " the auth-http jar is incomplete, rebuild it.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the web UI file /assets/" + name, e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
