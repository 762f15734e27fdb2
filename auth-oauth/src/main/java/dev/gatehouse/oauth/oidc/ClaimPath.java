package dev.gatehouse.oauth.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The values at the operator's roles claim: a claim name ({@code groups}) or a dotted path into
 * nested claims ({@code realm_access.roles}, {@code resource_access.gatehouse.roles}). A claim whose
 * own name contains dots ({@code https://example.org/roles}) is found by its whole name first.
 * A string gives one value, an array its strings; anything else gives none.
 */
final class ClaimPath {

    private ClaimPath() {
    }

    static List<String> values(Map<String, Object> claims, String path) {
        if (path.isBlank()) {
            return List.of();
        }
        Object node = claims.containsKey(path) ? claims.get(path) : walk(claims, path.split("\\."));
        List<String> values = new ArrayList<>();
        if (node instanceof String text) {
            add(values, text);
        } else if (node instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof String text) {
                    add(values, text);
                }
            }
        }
        return List.copyOf(values);
    }

    static boolean present(Map<String, Object> claims, String path) {
        return !path.isBlank() && (claims.containsKey(path) || walk(claims, path.split("\\.")) != null);
    }

    private static Object walk(Map<String, Object> claims, String[] steps) {
        Object node = claims;
        for (String step : steps) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(step);
        }
        return node;
    }

    private static void add(List<String> values, String text) {
        String value = text.strip();
        if (!value.isEmpty() && !values.contains(value)) {
            values.add(value);
        }
    }
}
