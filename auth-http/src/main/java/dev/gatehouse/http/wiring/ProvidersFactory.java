package dev.gatehouse.http.wiring;

import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider;
import dev.gatehouse.core.service.identities.ProviderRules;
import dev.gatehouse.core.service.identities.ProviderSettings;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.config.SignInOptions;
import dev.gatehouse.http.web.SignInProviders;
import dev.gatehouse.oauth.IdentityProviders;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.ProvidersConfig;
import dev.gatehouse.oauth.oidc.OidcProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sign-in providers, from the settings the environment (or {@code gatehouse serve}) gave:
 * auth-oauth's {@link ProvidersConfig} parses them, {@link IdentityProviders} builds them, and
 * each OpenID Connect provider is discovered at start so one that is down is reported then (it is
 * retried at its next use either way). The rest of the server sees only core's port.
 */
@Factory
class ProvidersFactory {

    @Singleton
    ProvidersConfig providersConfig(ServerSettings settings) {
        return ProvidersConfig.fromEnvironment(settings.signIn().providerEnvironment());
    }

    /** The providers, checked against the settings that make them usable. */
    @Singleton
    SignInProviders signInProviders(ServerSettings settings, ProvidersConfig config, Clock clock) {
        SignInOptions options = settings.signIn();
        List<IdentityProvider> providers = IdentityProviders.from(config, FlowSettings.DEFAULTS, clock);
        if (providers.stream().anyMatch(p -> p.name().value().equals("verify"))) {
            throw new IllegalArgumentException("A sign-in provider cannot be called 'verify': /auth/verify is the"
                    + " forward-auth check. Give it another name in GATEHOUSE_OIDC_PROVIDERS.");
        }
        if (!options.passwordLogin() && providers.isEmpty()) {
            throw new IllegalArgumentException("--password-login off leaves no way to sign in: configure a provider"
                    + " (GATEHOUSE_OIDC_PROVIDERS or GATEHOUSE_GITHUB_CLIENT_ID, docs/oauth.md) or turn password login on.");
        }
        if (!providers.isEmpty() && options.baseUrl().isEmpty() && settings.trustedProxies().isEmpty()) {
            throw new IllegalArgumentException("Sign-in through " + providers.stream().map(p -> p.name().value()).toList()
                    + " needs the public address people reach Gatehouse by, to build the redirect URI"
                    + " (BASE_URL/auth/NAME/callback) the provider will send them back to: set --base-url or"
                    + " GATEHOUSE_BASE_URL, e.g. https://auth.example.org. The request's Host header is only used"
                    + " behind a trusted proxy (GATEHOUSE_TRUSTED_PROXIES).");
        }
        providers.forEach(provider -> {
            if (provider instanceof OidcProvider oidc) {
                oidc.discoverNow(); // a failure is reported by health(), and retried
            }
        });
        return new SignInProviders(providers, options.passwordLogin(), options.baseUrl());
    }

    /** What core applies at every sign-in through each provider: trust for email, required addresses, admin values. */
    static ProviderSettings providerRules(SignInOptions options, ProvidersConfig config) {
        Map<ProviderName, ProviderRules> rules = new HashMap<>();
        config.providers().forEach(p -> rules.put(p.name(), ProviderRules.defaults()
                .withTrustedForEmail(p.trustEmail())
                .withVerifiedEmailRequired(p.requireVerifiedEmail())
                .withAdminValues(p.adminValues())));
        return new ProviderSettings(options.linkByEmail(), rules);
    }
}
