package dev.gatehouse.oauth.config;

import dev.gatehouse.core.model.identities.ProviderName;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every sign-in provider the operator configured, read from an environment map (tests pass their
 * own; the apps pass {@code System.getenv()}), in the order the buttons appear. See docs/oauth.md
 * for the names; LocalAI's ({@code LOCALAI_OIDC_*}, {@code GITHUB_CLIENT_ID}, ...) and llms.py's
 * ({@code GITHUB_USERS}, its {@code auth.github} file section) are read too. Anything that cannot
 * be used as written is a {@link ConfigException} naming the setting.
 */
public record ProvidersConfig(List<ProviderSettings> providers) {

    /** The name LocalAI's single OIDC provider gets (its routes are {@code /api/auth/oidc/...}). */
    public static final ProviderName LOCALAI_OIDC = ProviderName.of("oidc");

    static final List<String> OIDC_KEYS = List.of("ISSUER", "CLIENT_ID", "CLIENT_SECRET", "CLIENT_SECRET_FILE",
            "DISPLAY_NAME", "SCOPES", "ROLES_CLAIM", "ADMIN_VALUES", "TRUST_EMAIL", "REQUIRE_VERIFIED_EMAIL", "ORDER",
            "GROUPS_AUTHORITATIVE", "FEATURES", "MODELS");

    public ProvidersConfig {
        providers = providers.stream()
                .sorted(Comparator.comparingInt(ProviderSettings::order).thenComparing(ProviderSettings::name))
                .toList();
    }

    /** The providers the environment names. */
    public static ProvidersConfig fromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment, Optional.empty());
    }

    /** The providers the environment names, with GitHub also from llms.py's file if one is given. */
    public static ProvidersConfig fromEnvironment(Map<String, String> environment, Optional<Path> llmsJson) {
        Env env = new Env(environment);
        List<ProviderSettings> providers = new ArrayList<>();
        Optional<LlmsGitHubFile> llms = llmsJson.flatMap(file -> LlmsGitHubFile.read(file, env));
        GitHubConfig.read(env, llms).ifPresent(providers::add);
        List<ProviderName> names = oidcNames(env);
        for (int i = 0; i < names.size(); i++) {
            providers.add(oidc(env, names.get(i), 10 * (i + 1)));
        }
        refuseStrayOidcSettings(env, names);
        return new ProvidersConfig(providers);
    }

    public Optional<GitHubSettings> github() {
        return providers.stream().filter(GitHubSettings.class::isInstance).map(GitHubSettings.class::cast).findFirst();
    }

    public List<OidcSettings> oidc() {
        return providers.stream().filter(OidcSettings.class::isInstance).map(OidcSettings.class::cast).toList();
    }

    /** The settings of the provider with this name, if it is configured. */
    public Optional<ProviderSettings> find(ProviderName name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public boolean isEmpty() {
        return providers.isEmpty();
    }

    /** {@code GATEHOUSE_OIDC_CORP_SSO_} for {@code corp-sso}. */
    static String prefix(ProviderName name) {
        return "GATEHOUSE_OIDC_" + name.value().toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    private static List<ProviderName> oidcNames(Env env) {
        Set<ProviderName> names = new LinkedHashSet<>();
        for (String text : env.get("GATEHOUSE_OIDC_PROVIDERS").map(Env::list).orElse(List.of())) {
            ProviderName name;
            try {
                name = ProviderName.of(text.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("GATEHOUSE_OIDC_PROVIDERS: " + e.getMessage());
            }
            if (name.equals(ProviderName.GITHUB)) {
                throw new ConfigException("GATEHOUSE_OIDC_PROVIDERS names github, which is not an OpenID Connect"
                        + " provider; configure it with GATEHOUSE_GITHUB_CLIENT_ID and GATEHOUSE_GITHUB_CLIENT_SECRET.");
            }
            if (!names.add(name)) {
                throw new ConfigException("GATEHOUSE_OIDC_PROVIDERS names " + name + " twice.");
            }
        }
        if (env.get("LOCALAI_OIDC_ISSUER").isPresent()) {
            names.add(LOCALAI_OIDC);
        }
        return List.copyOf(names);
    }

    private static OidcSettings oidc(Env env, ProviderName name, int defaultOrder) {
        String p = prefix(name);
        boolean localAi = name.equals(LOCALAI_OIDC);
        String issuerText = localAi ? env.either(p + "ISSUER", "LOCALAI_OIDC_ISSUER").orElseThrow()
                : env.get(p + "ISSUER").orElseThrow(() -> new ConfigException(name + " is listed in"
                        + " GATEHOUSE_OIDC_PROVIDERS but " + p + "ISSUER is not set; set it to the provider's issuer"
                        + " (e.g. https://sso.example.org/realms/main), or take " + name + " off the list."));
        URI issuer = Env.address(p + "ISSUER", issuerText);
        String clientId = (localAi ? env.either(p + "CLIENT_ID", "LOCALAI_OIDC_CLIENT_ID") : env.get(p + "CLIENT_ID"))
                .orElseThrow(() -> new ConfigException(p + "CLIENT_ID is not set; register Gatehouse as a client at "
                        + name + " and put its client id there."));
        Optional<String> direct = localAi ? env.either(p + "CLIENT_SECRET", "LOCALAI_OIDC_CLIENT_SECRET")
                : env.get(p + "CLIENT_SECRET");
        Secret secret = env.secret(direct, p + "CLIENT_SECRET", p + "CLIENT_SECRET_FILE")
                .orElseThrow(() -> new ConfigException(p + "CLIENT_SECRET (or " + p + "CLIENT_SECRET_FILE) is not set;"
                        + " give the client secret " + name + " issued for Gatehouse."));
        List<String> scopes = new ArrayList<>(env.list(p + "SCOPES", OidcSettings.DEFAULT_SCOPES));
        if (!scopes.contains("openid")) {
            scopes.add(0, "openid"); // without it there is no ID token, so it is never optional
        }
        String displayName = env.get(p + "DISPLAY_NAME").orElse(localAi ? "OpenID Connect" : capitalised(name));
        return new OidcSettings(name, displayName, env.integer(p + "ORDER", defaultOrder), issuer, clientId, secret,
                List.copyOf(new LinkedHashSet<>(scopes)), env.get(p + "ROLES_CLAIM").orElse(OidcSettings.DEFAULT_ROLES_CLAIM),
                env.commaList(p + "ADMIN_VALUES"), env.bool(p + "TRUST_EMAIL", false),
                env.bool(p + "REQUIRE_VERIFIED_EMAIL", false));
    }

    /** A setting for a provider that is not listed is a typo or a forgotten list entry: say so rather than ignore it. */
    private static void refuseStrayOidcSettings(Env env, List<ProviderName> names) {
        Map<String, ProviderName> known = new LinkedHashMap<>();
        for (ProviderName name : names) {
            for (String key : OIDC_KEYS) {
                known.put(prefix(name) + key, name);
            }
        }
        for (String key : env.all().keySet()) {
            if (key.startsWith("GATEHOUSE_OIDC_") && !key.equals("GATEHOUSE_OIDC_PROVIDERS") && !known.containsKey(key)) {
                throw new ConfigException(key + " is set, but it belongs to no provider in GATEHOUSE_OIDC_PROVIDERS ("
                        + (names.isEmpty() ? "empty" : String.join(",", names.stream().map(ProviderName::value).toList()))
                        + "); add the provider to the list or correct the name. Settings per provider: "
                        + String.join(", ", OIDC_KEYS) + ".");
            }
        }
    }

    static String capitalised(ProviderName name) {
        String v = name.value();
        return Character.toUpperCase(v.charAt(0)) + v.substring(1);
    }
}
