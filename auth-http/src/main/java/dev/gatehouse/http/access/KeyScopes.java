package dev.gatehouse.http.access;

import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.Principal;
import dev.gatehouse.core.model.rights.ModelAccess;
import java.util.List;
import java.util.Set;

/**
 * Whether one key's scopes are narrower than another's, kind by kind as core's {@code Authorize}
 * reads them: features (every scope but {@code models:} ones; {@link ApiKey#MANAGE_SCOPE} counts as
 * one that grants no feature, as it does there), models ({@code models:GLOB}), and managing. A key with scopes may make only
 * keys that can do no more than itself.
 */
public final class KeyScopes {

    private static final String MODELS = "models:";

    private KeyScopes() {
    }

    /**
     * True if a key with {@code inner} can do nothing a key with {@code outer} cannot: it has scopes,
     * it narrows every kind {@code outer} narrows to a part of it, and it manages only if {@code outer} does.
     */
    public static boolean narrower(Set<String> outer, Set<String> inner) {
        if (inner.isEmpty()) {
            return outer.isEmpty();
        }
        if (inner.contains(ApiKey.MANAGE_SCOPE) && !outer.isEmpty() && !outer.contains(ApiKey.MANAGE_SCOPE)) {
            return false;
        }
        return within(features(outer), features(inner), false) && within(models(outer), models(inner), true);
    }

    /** One kind: no narrowing outside means anything inside will do; else each inner scope lies in an outer one. */
    private static boolean within(List<String> outer, List<String> inner, boolean models) {
        if (outer.isEmpty()) {
            return true;
        }
        return !inner.isEmpty() && inner.stream().allMatch(i -> outer.stream().anyMatch(o -> covers(o, i, models)));
    }

    /**
     * True if everything {@code inner} grants, {@code outer} grants: the same scope; a plain name
     * {@code outer} grants; or a wildcard whose fixed start ({@code outer} up to its final {@code *},
     * with no other {@code *}) {@code inner} begins with.
     */
    static boolean covers(String outer, String inner, boolean models) {
        if (outer.equals(inner)) {
            return true;
        }
        if (!inner.contains("*")) {
            return models ? ModelAccess.globMatches(outer, inner) : Principal.grants(outer, inner);
        }
        if (!outer.endsWith("*")) {
            return false;
        }
        String start = outer.substring(0, outer.length() - 1);
        return !start.contains("*") && inner.startsWith(start);
    }

    private static List<String> features(Set<String> scopes) {
        return scopes.stream().filter(s -> !s.startsWith(MODELS)).toList();
    }

    private static List<String> models(Set<String> scopes) {
        return scopes.stream().filter(s -> s.startsWith(MODELS)).map(s -> s.substring(MODELS.length())).toList();
    }
}
