package dev.gatehouse.core.model.rights;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an administrator set for one user: features turned on or off against the operator's
 * defaults ({@code features}; a feature not named follows its default) and the models they may
 * use. A user with no record has {@link #DEFAULT}: the catalog's defaults and every model.
 */
public record Permissions(Map<String, Boolean> features, ModelAccess models) {

    /** No setting of one's own: the catalog's defaults and every model. */
    public static final Permissions DEFAULT = new Permissions(Map.of(), ModelAccess.everything());

    public Permissions {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(models, "models");
        Map<String, Boolean> copy = new TreeMap<>();
        features.forEach((name, on) -> copy.put(FeatureCatalog.checkedName(name), Objects.requireNonNull(on, name)));
        features = Collections.unmodifiableMap(copy);
    }

    /** Whether {@code feature} is on for this user under {@code catalog}'s defaults. */
    public boolean hasFeature(String feature, FeatureCatalog catalog) {
        return catalog.knows(feature) && features.getOrDefault(feature, catalog.defaultOf(feature));
    }

    public Permissions withFeatures(Map<String, Boolean> newFeatures) {
        return new Permissions(newFeatures, models);
    }

    public Permissions withModels(ModelAccess newModels) {
        return new Permissions(features, newModels);
    }

    /** {@code chat=on,images=off}, or {@code defaults}: how the audit log shows the settings. */
    public String describeFeatures() {
        if (features.isEmpty()) {
            return "defaults";
        }
        StringBuilder text = new StringBuilder();
        features.forEach((name, on) -> text.append(text.length() == 0 ? "" : ",").append(name).append(on ? "=on" : "=off"));
        return text.toString();
    }
}
