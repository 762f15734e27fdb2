package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The operator's sign-in-through-providers settings: whether a new identity may be linked to an
 * existing account by a verified email address at all ({@code linkByEmail}, off by default), and
 * each provider's {@link ProviderRules} (a provider not named gets {@link ProviderRules#defaults()}).
 */
public record ProviderSettings(boolean linkByEmail, Map<ProviderName, ProviderRules> providers) {

    public ProviderSettings {
        providers = Map.copyOf(Objects.requireNonNull(providers, "providers"));
    }

    /** No linking by email, no provider trusted, no roles mapped: the default. */
    public static ProviderSettings none() {
        return new ProviderSettings(false, Map.of());
    }

    public ProviderSettings withLinkByEmail(boolean on) {
        return new ProviderSettings(on, providers);
    }

    /** The same settings with {@code rules} for {@code provider}. */
    public ProviderSettings with(ProviderName provider, ProviderRules rules) {
        Map<ProviderName, ProviderRules> more = new HashMap<>(providers);
        more.put(Objects.requireNonNull(provider, "provider"), Objects.requireNonNull(rules, "rules"));
        return new ProviderSettings(linkByEmail, more);
    }

    public ProviderRules rulesFor(ProviderName provider) {
        return providers.getOrDefault(provider, ProviderRules.defaults());
    }

    /**
     * Checks that every feature a provider grants is one the operator offers, so a typo is found
     * at start-up and not at someone's sign-in.
     *
     * @throws IllegalArgumentException naming the provider, the feature and the features there are
     */
    public ProviderSettings checkedAgainst(FeatureCatalog catalog) {
        providers.forEach((name, rules) -> rules.mappedFeatures().stream().filter(f -> !catalog.knows(f)).findFirst()
                .ifPresent(unknown -> {
                    throw new IllegalArgumentException("Provider " + name + " grants the feature '" + unknown
                            + "', which this server does not offer; the features are: " + catalog.known() + ".");
                }));
        return this;
    }
}
