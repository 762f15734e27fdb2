package dev.gatehouse.http.config;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How people sign in besides the built-in rules: the public address the server is reached by
 * ({@code --base-url}, {@code GATEHOUSE_BASE_URL}: provider redirect URIs are
 * {@code BASE_URL/auth/NAME/callback}), whether the password form is on ({@code --password-login},
 * {@code GATEHOUSE_PASSWORD_LOGIN}), whether a provider's verified address may link to an existing
 * account ({@code GATEHOUSE_LINK_BY_EMAIL}, off by default), and the provider settings as the
 * environment gives them ({@code GATEHOUSE_OIDC_*}, {@code GATEHOUSE_GITHUB_*} and their aliases),
 * which the wiring hands to the providers' own parser.
 */
public record SignInOptions(Optional<URI> baseUrl, boolean passwordLogin, boolean linkByEmail,
                            Map<String, String> providerEnvironment) {

    /** Password sign-in, no providers, no base URL. */
    public static final SignInOptions DEFAULTS = new SignInOptions(Optional.empty(), true, false, Map.of());

    public SignInOptions {
        baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").map(SignInOptions::checkedBaseUrl);
        providerEnvironment = Map.copyOf(Objects.requireNonNull(providerEnvironment, "providerEnvironment"));
    }

    /** The same options with another public address. */
    public SignInOptions withBaseUrl(Optional<URI> url) {
        return new SignInOptions(url, passwordLogin, linkByEmail, providerEnvironment);
    }

    public SignInOptions withPasswordLogin(boolean on) {
        return new SignInOptions(baseUrl, on, linkByEmail, providerEnvironment);
    }

    public SignInOptions withLinkByEmail(boolean on) {
        return new SignInOptions(baseUrl, passwordLogin, on, providerEnvironment);
    }

    /** The same options with the provider settings of {@code environment} (only the provider names are kept). */
    public SignInOptions withProviderEnvironment(Map<String, String> environment) {
        return new SignInOptions(baseUrl, passwordLogin, linkByEmail, providerPart(environment));
    }

    /**
     * Reads {@code GATEHOUSE_BASE_URL}, {@code GATEHOUSE_PASSWORD_LOGIN} ({@code on}/{@code off}),
     * {@code GATEHOUSE_LINK_BY_EMAIL} and the provider settings.
     */
    public static SignInOptions fromEnvironment(Map<String, String> env) {
        return new SignInOptions(parseBaseUrl(env.get("GATEHOUSE_BASE_URL")),
                onOff("GATEHOUSE_PASSWORD_LOGIN / --password-login", env.get("GATEHOUSE_PASSWORD_LOGIN"), true),
                onOff("GATEHOUSE_LINK_BY_EMAIL", env.get("GATEHOUSE_LINK_BY_EMAIL"), false), providerPart(env));
    }

    /** Empty for a blank text; otherwise an absolute http(s) URL without query or fragment. */
    public static Optional<URI> parseBaseUrl(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(checkedBaseUrl(new URI(text.strip())));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--base-url / GATEHOUSE_BASE_URL is not a URL: " + e.getMessage());
        }
    }

    /** {@code on}/{@code off} (also true/false, yes/no), or {@code fallback} when empty. */
    public static boolean onOff(String what, String text, boolean fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(what + " must be on or off, not '"
                    + text.strip().replaceAll("\\p{Cntrl}", "?") + "'.");
        };
    }

    private static URI checkedBaseUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getRawQuery() != null
                || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("--base-url / GATEHOUSE_BASE_URL must be the public address people"
                    + " reach Gatehouse by, such as https://auth.example.org (a path prefix is fine; no query,"
                    + " fragment or user), not '" + url + "'.");
        }
        String text = url.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** The whole environment: llms.json's {@code $VAR} values may name any variable. Never printed. */
    private static Map<String, String> providerPart(Map<String, String> env) {
        Map<String, String> part = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name != null && value != null) {
                part.put(name, value);
            }
        });
        return part;
    }

    /** Names only: the environment holds client secrets. */
    @Override
    public String toString() {
        return "SignInOptions[baseUrl=" + baseUrl.map(URI::toString).orElse("none") + ", passwordLogin="
                + (passwordLogin ? "on" : "off") + ", linkByEmail=" + (linkByEmail ? "on" : "off") + "]";
    }
}
