package dev.gatehouse.http.config;

import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.model.time.HumanDuration;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.core.service.registration.RegistrationRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to run the server: where to listen ({@code port} 0 picks a free port), which store to open,
 * which proxy addresses may tell us the client's address ({@code X-Forwarded-For}) and scheme, how
 * callers are checked, the static API keys ({@code GATEHOUSE_API_KEYS}: the only keys in
 * {@code --auth apikey}, accepted beside users' keys otherwise), the session idle timeout, and how
 * long new API keys live when their minter does not say (empty: until revoked), who may register
 * ({@code GATEHOUSE_REGISTRATION}, {@code GATEHOUSE_ADMIN_EMAIL}), and how long an administrator
 * may act as a user before that session ends, and the names besides {@code localhost}, IP
 * addresses and the listening address a browser may reach the server by
 * ({@code GATEHOUSE_ALLOWED_HOSTS}; {@link HostCheck}), and where the sign-in portal is when it
 * is on a host of its own ({@code GATEHOUSE_PORTAL_URL}, {@code GATEHOUSE_COOKIE_DOMAIN}; {@link Portal}),
 * and how people sign in: the public address, the password form, providers ({@link SignInOptions}).
 */
public record ServerSettings(String host, int port, String storeUrl, List<String> trustedProxies,
                             AuthMode auth, List<String> apiKeys, Duration sessionIdle,
                             Optional<Duration> keyLifetime, RegistrationRules registration,
                             Duration impersonationLimit, List<String> allowedHosts, Portal portal,
                             SignInOptions signIn) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final Duration DEFAULT_SESSION_IDLE = Duration.ofDays(7);
    /** Sessions end this long after sign-in whatever the activity (as llms.py). */
    public static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    /** New API keys live this long unless their minter asks otherwise. */
    public static final Duration DEFAULT_KEY_LIFETIME = Duration.ofDays(365);
    /** An administrator acts as a user this long at most, whatever the activity. */
    public static final Duration DEFAULT_IMPERSONATION_LIMIT = Duration.ofMinutes(30);

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
        new StaticKeys(apiKeys, Optional.empty(), Instant.EPOCH); // a short or blank key stops the start, with its number
        sessionIdle = sessionIdle == null ? DEFAULT_SESSION_IDLE : sessionIdle;
        if (sessionIdle.compareTo(Duration.ofMinutes(5)) < 0 || sessionIdle.compareTo(SESSION_LIFETIME) > 0) {
            throw new IllegalArgumentException("The session idle timeout must be between 5m and 30d, not "
                    + HumanDuration.format(sessionIdle) + ".");
        }
        keyLifetime = Objects.requireNonNull(keyLifetime, "keyLifetime");
        keyLifetime.ifPresent(lifetime -> {
            if (lifetime.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("The default key lifetime must be at least 1m, not "
                        + HumanDuration.format(lifetime) + "; use never for keys that live until revoked.");
            }
        });
        registration = registration == null ? RegistrationRules.closed() : registration;
        impersonationLimit = impersonationLimit == null ? DEFAULT_IMPERSONATION_LIMIT : impersonationLimit;
        if (impersonationLimit.compareTo(Duration.ofMinutes(1)) < 0 || impersonationLimit.compareTo(Duration.ofHours(8)) > 0) {
            throw new IllegalArgumentException("The impersonation limit must be between 1m and 8h, not "
                    + HumanDuration.format(impersonationLimit) + ".");
        }
        allowedHosts = hostNames(allowedHosts == null ? List.of() : allowedHosts);
        portal = portal == null ? Portal.NONE : portal;
        signIn = signIn == null ? SignInOptions.DEFAULTS : signIn;
    }

    /** Password sign-in only, as before providers. */
    public ServerSettings(String host, int port, String storeUrl, List<String> trustedProxies,
                          AuthMode auth, List<String> apiKeys, Duration sessionIdle,
                          Optional<Duration> keyLifetime, RegistrationRules registration,
                          Duration impersonationLimit, List<String> allowedHosts, Portal portal) {
        this(host, port, storeUrl, trustedProxies, auth, apiKeys, sessionIdle, keyLifetime, registration,
                impersonationLimit, allowedHosts, portal, SignInOptions.DEFAULTS);
    }

    /** The same settings with other sign-in options (base URL, password form, providers; {@link SignInOptions}). */
    public ServerSettings withSignIn(SignInOptions options) {
        return new ServerSettings(host, port, storeUrl, trustedProxies, auth, apiKeys, sessionIdle, keyLifetime,
                registration, impersonationLimit, allowedHosts, portal, options);
    }

    /** Registration closed, the default impersonation limit (30 minutes). */
    public ServerSettings(String host, int port, String storeUrl, List<String> trustedProxies,
                          AuthMode auth, List<String> apiKeys, Duration sessionIdle, Optional<Duration> keyLifetime) {
        this(host, port, storeUrl, trustedProxies, auth, apiKeys, sessionIdle, keyLifetime, RegistrationRules.closed(),
                DEFAULT_IMPERSONATION_LIMIT, List.of(), Portal.NONE);
    }

    /** The same settings with other registration rules. */
    public ServerSettings withRegistration(RegistrationRules rules) {
        return new ServerSettings(host, port, storeUrl, trustedProxies, auth, apiKeys, sessionIdle, keyLifetime, rules,
                impersonationLimit, allowedHosts, portal, signIn);
    }

    /** The same settings with other names the server may be reached by (besides localhost and IP addresses). */
    public ServerSettings withAllowedHosts(List<String> names) {
        return new ServerSettings(host, port, storeUrl, trustedProxies, auth, apiKeys, sessionIdle, keyLifetime,
                registration, impersonationLimit, names, portal, signIn);
    }

    /**
     * The same settings with the separate auth host layout ({@link Portal}): Gatehouse's pages at
     * the portal URL, the session cookie for the cookie domain.
     */
    public ServerSettings withPortal(Portal given) {
        return new ServerSettings(host, port, storeUrl, trustedProxies, auth, apiKeys, sessionIdle, keyLifetime,
                registration, impersonationLimit, allowedHosts, given, signIn);
    }

    /** The same settings with another impersonation limit. */
    public ServerSettings withImpersonationLimit(Duration limit) {
        return new ServerSettings(host, port, storeUrl, trustedProxies, auth, apiKeys, sessionIdle, keyLifetime,
                registration, limit, allowedHosts, portal, signIn);
    }

    /**
     * The rules {@code GATEHOUSE_REGISTRATION} (closed, open, approval, invite) and
     * {@code GATEHOUSE_ADMIN_EMAIL} say.
     */
    public static RegistrationRules parseRegistration(String mode, String adminEmail) {
        return new RegistrationRules(RegistrationMode.parse(mode),
                Optional.ofNullable(adminEmail).filter(e -> !e.isBlank()));
    }

    /** With the default key lifetime (365 days). */
    public ServerSettings(String host, int port, String storeUrl, List<String> trustedProxies,
                          AuthMode auth, List<String> apiKeys, Duration sessionIdle) {
        this(host, port, storeUrl, trustedProxies, auth, apiKeys, sessionIdle, Optional.of(DEFAULT_KEY_LIFETIME));
    }

    /** Sign-in checks as usual ({@code auto}), no API keys, the default idle timeout. */
    public ServerSettings(String host, int port, String storeUrl, List<String> trustedProxies) {
        this(host, port, storeUrl, trustedProxies, AuthMode.AUTO, List.of(), DEFAULT_SESSION_IDLE);
    }

    /** The same settings with another auth mode and keys. */
    public ServerSettings withAuth(AuthMode mode, List<String> keys) {
        return new ServerSettings(host, port, storeUrl, trustedProxies, mode, keys, sessionIdle, keyLifetime, registration,
                impersonationLimit, allowedHosts, portal, signIn);
    }

    /** The same settings with another idle timeout. */
    public ServerSettings withSessionIdle(Duration idle) {
        return new ServerSettings(host, port, storeUrl, trustedProxies, auth, apiKeys, idle, keyLifetime, registration,
                impersonationLimit, allowedHosts, portal, signIn);
    }

    /** The same settings with another default key lifetime (empty: new keys live until revoked). */
    public ServerSettings withKeyLifetime(Optional<Duration> lifetime) {
        return new ServerSettings(host, port, storeUrl, trustedProxies, auth, apiKeys, sessionIdle, lifetime, registration,
                impersonationLimit, allowedHosts, portal, signIn);
    }

    /** {@code never}, or a duration such as {@code 90d} or {@code 1y}, as {@code GATEHOUSE_KEY_LIFETIME} says it. */
    public static Optional<Duration> parseKeyLifetime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(DEFAULT_KEY_LIFETIME);
        }
        return text.strip().equalsIgnoreCase("never") ? Optional.empty() : Optional.of(HumanDuration.parse(text));
    }

    /**
     * Reads {@code GATEHOUSE_HOST}, {@code GATEHOUSE_PORT}, {@code GATEHOUSE_STORE},
     * {@code GATEHOUSE_TRUSTED_PROXIES} (comma-separated addresses), {@code GATEHOUSE_AUTH},
     * {@code GATEHOUSE_API_KEYS}, {@code GATEHOUSE_SESSION_IDLE} (e.g. {@code 12h}) and
     * {@code GATEHOUSE_KEY_LIFETIME} (e.g. {@code 90d}, or {@code never}) and
     * {@code GATEHOUSE_IMPERSONATION_LIMIT} (e.g. {@code 15m}) and {@code GATEHOUSE_ALLOWED_HOSTS}
     * (comma-separated names) and {@code GATEHOUSE_PORTAL_URL} with {@code GATEHOUSE_COOKIE_DOMAIN};
     * the store defaults to
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
        String idle = env.get("GATEHOUSE_SESSION_IDLE");
        return new ServerSettings(env.get("GATEHOUSE_HOST"), number, store,
                csv(env.getOrDefault("GATEHOUSE_TRUSTED_PROXIES", "")), AuthMode.parse(env.get("GATEHOUSE_AUTH")),
                csv(env.getOrDefault("GATEHOUSE_API_KEYS", "")),
                idle == null || idle.isBlank() ? null : HumanDuration.parse(idle),
                parseKeyLifetime(env.get("GATEHOUSE_KEY_LIFETIME")),
                parseRegistration(env.get("GATEHOUSE_REGISTRATION"), env.get("GATEHOUSE_ADMIN_EMAIL")),
                impersonationLimit(env.get("GATEHOUSE_IMPERSONATION_LIMIT")),
                csv(env.getOrDefault("GATEHOUSE_ALLOWED_HOSTS", "")),
                Portal.of(env.get("GATEHOUSE_PORTAL_URL"), env.get("GATEHOUSE_COOKIE_DOMAIN")),
                SignInOptions.fromEnvironment(env));
    }

    /** A duration such as {@code 15m}, or the default when empty. */
    public static Duration impersonationLimit(String text) {
        return text == null || text.isBlank() ? DEFAULT_IMPERSONATION_LIMIT : HumanDuration.parse(text);
    }

    /** Comma-separated values, trimmed, empty ones dropped. */
    public static List<String> csv(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "ServerSettings[" + host + ":" + port + ", auth=" + auth.label() + ", keys=" + apiKeys.size()
                + ", sessionIdle=" + HumanDuration.format(sessionIdle)
                + ", keyLifetime=" + keyLifetime.map(HumanDuration::format).orElse("never")
                + ", registration=" + registration.mode().label()
                + ", impersonationLimit=" + HumanDuration.format(impersonationLimit)
                + ", allowedHosts=" + allowedHosts + ", portal=" + portal + ", " + signIn + "]";
    }

    /** An allowed host name: a DNS name or a {@code *.} wildcard, lower case, without a final dot. */
    private static final Pattern HOST_NAME = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    /** The names of {@code GATEHOUSE_ALLOWED_HOSTS}, lower-case; anything that is no host name stops the start. */
    static List<String> hostNames(List<String> given) {
        return given.stream().map(name -> {
            String text = name.strip().toLowerCase(Locale.ROOT);
            text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
            if (!HOST_NAME.matcher(text).matches() || text.length() > 253) {
                throw new IllegalArgumentException("'" + name.strip().replaceAll("\\p{Cntrl}", "?") + "' is not a host"
                        + " name for --allowed-host / GATEHOUSE_ALLOWED_HOSTS; give names such as gatehouse.example.org"
                        + " or *.example.org, without scheme, port or path.");
            }
            return text;
        }).distinct().toList();
    }

    /** True when {@code name} is one of {@code allowed} ({@link #hostNames}; "*.example.org" for its subdomains). */
    public static boolean hostAllowed(List<String> allowed, String name) {
        for (String one : allowed) {
            if (one.startsWith("*.") ? name.endsWith(one.substring(1)) : name.equals(one)) {
                return true;
            }
        }
        return false;
    }
}
