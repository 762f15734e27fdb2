package dev.gatehouse.http;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the server: where to listen ({@code port} 0 picks a free port), which store to open,
 * and which proxy addresses may tell us the client's address ({@code X-Forwarded-For}) and scheme.
 */
public record ServerSettings(String host, int port, String storeUrl, List<String> trustedProxies) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;

    public ServerSettings {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535 (0 picks a free one), not " + port + ".");
        }
        Objects.requireNonNull(storeUrl, "storeUrl");
        if (storeUrl.isBlank()) {
            throw new IllegalArgumentException("The store URL is empty; use sqlite:PATH, postgres://..., jdbc:... or json:DIR.");
        }
        trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
    }

    /**
     * Reads {@code GATEHOUSE_HOST}, {@code GATEHOUSE_PORT}, {@code GATEHOUSE_STORE} and
     * {@code GATEHOUSE_TRUSTED_PROXIES} (comma-separated addresses); the store defaults to
     * {@code sqlite:~/.gatehouse/gatehouse.db}.
     */
    public static ServerSettings fromEnvironment(Map<String, String> env, String userHome) {
        String port = env.getOrDefault("GATEHOUSE_PORT", String.valueOf(DEFAULT_PORT)).strip();
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GATEHOUSE_PORT must be a number between 0 and 65535, not '" + port + "'.");
        }
        String store = env.getOrDefault("GATEHOUSE_STORE", "sqlite:" + userHome + "/.gatehouse/gatehouse.db");
        return new ServerSettings(env.get("GATEHOUSE_HOST"), number, store,
                csv(env.getOrDefault("GATEHOUSE_TRUSTED_PROXIES", "")));
    }

    /** Comma-separated values, trimmed, empty ones dropped. */
    public static List<String> csv(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
