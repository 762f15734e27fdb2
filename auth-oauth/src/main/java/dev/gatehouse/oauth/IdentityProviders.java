package dev.gatehouse.oauth;

import dev.gatehouse.core.port.out.IdentityProvider;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.GitHubSettings;
import dev.gatehouse.oauth.config.OidcSettings;
import dev.gatehouse.oauth.config.ProvidersConfig;
import dev.gatehouse.oauth.github.GitHubProvider;
import dev.gatehouse.oauth.oidc.OidcProvider;
import java.time.Clock;
import java.util.List;

/**
 * Builds the {@link IdentityProvider}s a {@link ProvidersConfig} names, in button order. Nothing
 * goes over the network here: call {@link OidcProvider#discoverNow} on each OIDC provider at
 * start-up to report a provider that is down (it is retried either way).
 */
public final class IdentityProviders {

    private IdentityProviders() {
    }

    public static List<IdentityProvider> from(ProvidersConfig config, FlowSettings flow, Clock clock) {
        return config.providers().stream().<IdentityProvider>map(settings -> {
            if (settings instanceof GitHubSettings github) {
                return new GitHubProvider(github, flow, clock);
            }
            return new OidcProvider((OidcSettings) settings, flow, clock);
        }).toList();
    }

    /** With the default timings and the system clock. */
    public static List<IdentityProvider> from(ProvidersConfig config) {
        return from(config, FlowSettings.DEFAULTS, Clock.systemUTC());
    }
}
