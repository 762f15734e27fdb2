package dev.gatehouse.http.forwardauth;

import dev.gatehouse.core.model.rights.FeatureCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The operator's permission settings: the features users may be given, with their defaults
 * ({@code GATEHOUSE_FEATURES}), which routes of the proxied server use which feature
 * ({@code GATEHOUSE_ROUTES}, ahead of the built-in table unless {@code GATEHOUSE_DEFAULT_ROUTES=off}),
 * and who may use a forwarded request no rule matches ({@code GATEHOUSE_UNMATCHED_ROUTES},
 * {@link Unmatched}).
 */
public record AccessRules(FeatureCatalog catalog, RouteMap routes, Unmatched unmatched) {

    /**
     * Who may use a route no rule matches. Keys with scopes never may: a scope names what a key is
     * for, and a route nobody mapped is none of it.
     */
    public enum Unmatched {
        /** The default: only callers with no restriction (administrators, users with every feature and model). */
        RESTRICTED,
        /** Only administrators. */
        DENY,
        /** Any valid caller: a route the table forgot is open to everyone, so a feature or model can be walked around. */
        ALLOW
    }

    /** The safe default for routes no rule maps. */
    public AccessRules(FeatureCatalog catalog, RouteMap routes) {
        this(catalog, routes, Unmatched.RESTRICTED);
    }

    public AccessRules {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(unmatched, "unmatched");
        for (RouteMap.Rule rule : routes.rules()) {
            if (rule.feature().isPresent() && !catalog.knows(rule.feature().get())) {
                throw new IllegalArgumentException("The route rule for " + rule.pattern() + " names the feature '"
                        + rule.feature().get() + "', which is not in the feature list (" + catalog.known() + ");"
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
        List<RouteMap.Rule> rules = new ArrayList<>(RouteMap.parse(env.getOrDefault("GATEHOUSE_ROUTES", ""), false).rules());
        if (defaults.equals("on")) {
            // Built-in rules for features left out of the operator's own list do not apply: their routes
            // are unmatched, so refused to restricted callers rather than open.
            RouteMap.defaults().rules().stream().filter(rule -> rule.feature().map(catalog::knows).orElse(true))
                    .forEach(rules::add);
        }
        String unmatched = env.getOrDefault("GATEHOUSE_UNMATCHED_ROUTES", "restricted").strip();
        return new AccessRules(catalog, new RouteMap(rules), switch (unmatched) {
            case "restricted" -> Unmatched.RESTRICTED;
            case "deny" -> Unmatched.DENY;
            case "allow" -> Unmatched.ALLOW;
            default -> throw new IllegalArgumentException("GATEHOUSE_UNMATCHED_ROUTES must be restricted (the default:"
                    + " paths no rule maps are refused to callers with any restriction and to keys with scopes), deny"
                    + " (only administrators) or allow (any signed-in caller but keys with scopes), not '"
                    + unmatched.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "?") + "'.");
        });
    }
}
