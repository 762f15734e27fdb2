package dev.gatehouse.http;

import dev.gatehouse.core.model.HumanDuration;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the server: where to listen ({@code port} 0 picks a free port), which store to open,
 * which proxy addresses may tell us the client's address ({@code X-Forwarded-For}) and scheme, how
 * callers are checked, the static API keys of {@code --auth apikey}, and the session idle timeout.
 */
public record ServerSettings(String host, int port, String storeUrl, List<String> trustedProxies,
                             AuthMode auth, List<String> apiKeys, Duration sessionIdle) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final Duration DEFAULT_SESSION_IDLE = Duration.ofDays(7);
    /** Sessions end this long after sign-in whatever the activity (as llms.py). */
    public static final Duration SESSION_LIFETIME = Duration.ofDays(30);

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
        auth = auth == null ? AuthMode.AUTO : auth;
        apiKeys = List.copyOf(Objects.requireNonNull(apiKeys, "apiKeys"));
        if (auth == AuthMode.APIKEY && apiKeys.isEmpty()) {
            throw new IllegalArgumentException("--auth apikey needs at least one key in GATEHOUSE_API_KEYS (comma-separated).");
        }
        sessionIdle = sessionIdle == null ? DEFAULT_SESSION_IDLE : sessionIdle;
        if (sessionIdle.compareTo(Duration.ofMinutes(5)) < 0 || sessionIdle.compareTo(SESSION_LIFETIME) > 0) {
            throw new IllegalArgumentException("The session idle timeout must be between 5m and 30d, not "
                    + HumanDuration.format(sessionIdle) + ".");
        }
    }

    /** Sign-in checks as usual ({@code auto}), no API keys, the default idle timeout. */
    public ServerSettings(String host, int port, String storeUrl, List<String> trustedProxies) {
        this(host, port, storeUrl, trustedProxies, AuthMode.AUTO, List.of(), DEFAULT_SESSION_IDLE);
    }

    /** The same settings with another auth mode and keys. */
    public ServerSettings withAuth(AuthMode mode, List<String> keys) {
        return new ServerSettings(host, port, storeUrl, trustedProxies, mode, keys, sessionIdle);
    }

    /** The same settings with another idle timeout. */
    public ServerSettings withSessionIdle(Duration idle) {
        return new ServerSettings(host, port, storeUrl, trustedProxies, auth, apiKeys, idle);
    }

    /**
     * Reads {@code GATEHOUSE_HOST}, {@code GATEHOUSE_PORT}, {@code GATEHOUSE_STORE},
     * {@code GATEHOUSE_TRUSTED_PROXIES} (comma-separated addresses), {@code GATEHOUSE_AUTH},
     * {@code GATEHOUSE_API_KEYS} and {@code GATEHOUSE_SESSION_IDLE} (e.g. {@code 12h});
     * the store defaults to {@code sqlite:~/.gatehouse/gatehouse.db}.
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
        String idle = env.get("GATEHOUSE_SESSION_IDLE");
        return new ServerSettings(env.get("GATEHOUSE_HOST"), number, store,
                csv(env.getOrDefault("GATEHOUSE_TRUSTED_PROXIES", "")), AuthMode.parse(env.get("GATEHOUSE_AUTH")),
                csv(env.getOrDefault("GATEHOUSE_API_KEYS", "")),
                idle == null || idle.isBlank() ? null : HumanDuration.parse(idle));
    }

    /** Comma-separated values, trimmed, empty ones dropped. */
    public static List<String> csv(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "ServerSettings[" + host + ":" + port + ", auth=" + auth.label() + ", keys=" + apiKeys.size()
                + ", sessionIdle=" + HumanDuration.format(sessionIdle) + "]";
    }
}
