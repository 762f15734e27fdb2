package dev.gatehouse.http.api.rights;

import dev.gatehouse.core.model.rights.EffectiveRights;
import dev.gatehouse.core.model.rights.Permissions;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's rights as the API shows them: {@code features} on or off after the defaults,
 * {@code defaults} the operator's, {@code settings} what is set for the user alone, and
 * {@code models} ({@code allModels} true, or the allowed names and patterns).
 */
@Serdeable
record PermissionsView(String username, boolean admin, Map<String, Boolean> features, Map<String, Boolean> defaults,
                       Map<String, Boolean> settings, boolean allModels, List<String> models) {

    static PermissionsView of(EffectiveRights rights, Permissions settings) {
        Map<String, Boolean> features = new LinkedHashMap<>();
        Map<String, Boolean> defaults = new LinkedHashMap<>();
        for (EffectiveRights.Feature feature : rights.features()) {
            features.put(feature.name(), feature.on());
            defaults.put(feature.name(), feature.byDefault());
        }
        return new PermissionsView(rights.username().value(), rights.admin(), features, defaults,
                settings.features(), rights.models().all(), rights.models().patterns());
    }
}
