package dev.gatehouse.http;

import dev.gatehouse.core.model.FeatureCatalog;
import java.util.Map;
import java.util.Objects;

/**
 * The operator's permission settings: the features users may be given, with their defaults
 * ({@code GATEHOUSE_FEATURES}), and which routes of the proxied server use which feature
 * ({@code GATEHOUSE_ROUTES}, ahead of the built-in table unless {@code GATEHOUSE_DEFAULT_ROUTES=off}),
 * and whether a forwarded request no rule maps to a feature is refused to everyone but
 * administrators ({@code GATEHOUSE_UNMATCHED_ROUTES=deny}) or only authenticated ({@code allow}).
 */
public record AccessRules(FeatureCatalog catalog, RouteMap routes, boolean denyUnmatched) {

    /** Paths no rule maps are checked for authentication only. */
    public AccessRules(FeatureCatalog catalog, RouteMap routes) {
        this(catalog, routes, false);
    }

    public AccessRules {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(routes, "routes");
        for (RouteMap.Rule rule : routes.rules()) {
            if (!catalog.knows(rule.feature())) {
                throw new IllegalArgumentException("The route rule for " + rule.pattern() + " names the feature '"
                        + rule.feature() + "', which is not in the feature list (" + catalog.known() + ");"
                        + " add it to GATEHOUSE_FEATURES or change the rule in GATEHOUSE_ROUTES.");
            }
        }
    }

    /** LocalAI's features and the built-in route table. */
    public static AccessRules defaults() {
        return new AccessRules(FeatureCatalog.localAi(), RouteMap.defaults());
    }

    /**
     * Reads {@code GATEHOUSE_FEATURES}, {@code GATEHOUSE_ROUTES}, {@code GATEHOUSE_DEFAULT_ROUTES}
     * and {@code GATEHOUSE_UNMATCHED_ROUTES}.
     */
    public static AccessRules fromEnvironment(Map<String, String> env) {
        String features = env.getOrDefault("GATEHOUSE_FEATURES", "");
        FeatureCatalog catalog = features.isBlank() ? FeatureCatalog.localAi() : FeatureCatalog.parse(features);
        String defaults = env.getOrDefault("GATEHOUSE_DEFAULT_ROUTES", "on").strip();
        if (!defaults.equals("on") && !defaults.equals("off")) {
            throw new IllegalArgumentException("GATEHOUSE_DEFAULT_ROUTES must be on or off, not '" + defaults + "'.");
        }
        java.util.List<RouteMap.Rule> rules = new java.util.ArrayList<>(
                RouteMap.parse(env.getOrDefault("GATEHOUSE_ROUTES", ""), false).rules());
        if (defaults.equals("on")) {
            // Built-in rules for features left out of the operator's own list do not apply.
            RouteMap.defaults().rules().stream().filter(rule -> catalog.knows(rule.feature())).forEach(rules::add);
        }
        RouteMap routes = new RouteMap(rules);
        String unmatched = env.getOrDefault("GATEHOUSE_UNMATCHED_ROUTES", "allow").strip();
        if (!unmatched.equals("allow") && !unmatched.equals("deny")) {
            throw new IllegalArgumentException("GATEHOUSE_UNMATCHED_ROUTES must be allow (paths no rule maps need only"
                    + " a signed-in caller) or deny (only administrators), not '" + unmatched + "'.");
        }
        return new AccessRules(catalog, routes, unmatched.equals("deny"));
    }
}
