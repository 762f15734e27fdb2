package dev.gatehouse.oauth.config;

import dev.gatehouse.core.model.identities.ProviderName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a provider's groups give besides the administrator role, from the environment:
 * {@code _GROUPS_AUTHORITATIVE} (the provider decides: leaving a group takes away what it gave),
 * {@code _FEATURES} and {@code _MODELS}, each a {@code ;}-separated list of
 * {@code GROUP=VALUE|VALUE}: {@code gatehouse-users=chat|embeddings; ml team=images} turns features
 * on, {@code ml team=llama-*|mistral*} allows models. Group names are taken as the provider sends
 * them (spaces included), so {@code ;} separates entries and {@code |} values; nothing is split at
 * spaces or commas. The prefix is {@code GATEHOUSE_OIDC_<NAME>_} or {@code GATEHOUSE_GITHUB_}.
 */
public record GroupGrants(boolean authoritative, Map<String, Set<String>> features, Map<String, List<String>> models) {

    /** The settings' names after the provider's prefix. */
    static final List<String> KEYS = List.of("GROUPS_AUTHORITATIVE", "FEATURES", "MODELS");

    public GroupGrants {
        features = Map.copyOf(features);
        models = Map.copyOf(models);
    }

    /** The grants of {@code provider} in {@code environment} (none when nothing is set). */
    public static GroupGrants of(Map<String, String> environment, ProviderName provider) {
        String prefix = provider.equals(ProviderName.GITHUB) ? "GATEHOUSE_GITHUB_" : ProvidersConfig.prefix(provider);
        Env env = new Env(environment);
        Map<String, Set<String>> features = new LinkedHashMap<>();
        entries(env, prefix + "FEATURES").forEach((group, values) -> features.put(group, new LinkedHashSet<>(values)));
        return new GroupGrants(env.bool(prefix + "GROUPS_AUTHORITATIVE", false), features,
                entries(env, prefix + "MODELS"));
    }

    private static Map<String, List<String>> entries(Env env, String key) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String text = env.get(key).orElse("");
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String group = equals < 0 ? "" : entry.substring(0, equals).strip();
            List<String> values = new ArrayList<>();
            if (equals >= 0) {
                for (String value : entry.substring(equals + 1).split("\\|")) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
            }
            if (group.isEmpty() || values.isEmpty()) {
                throw new ConfigException(key + ": '" + entry.strip() + "' is not GROUP=VALUE|VALUE (entries are"
                        + " separated by ';', values by '|', e.g. ml-team=one|two).");
            }
            if (out.put(group, List.copyOf(values)) != null) {
                throw new ConfigException(key + " names the group '" + group + "' twice; give its values once, separated by '|'.");
            }
        }
        return out;
    }
}
