package dev.gatehouse.core.model.rights;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import java.util.List;
import java.util.Objects;

/**
 * What one user may use after the defaults are applied: every feature of the catalog, on or off
 * and whether that is the default, and the models. Administrators may use everything whatever is
 * set; {@code admin} says so.
 */
public record EffectiveRights(Username username, boolean admin, List<Feature> features, ModelAccess models) {

    /** One feature: on or off for this user, its default, and whether the user has their own setting. */
    public record Feature(String name, boolean on, boolean byDefault, boolean overridden) {
    }

    public EffectiveRights {
        Objects.requireNonNull(username, "username");
        features = List.copyOf(features);
        Objects.requireNonNull(models, "models");
    }

    /** The user's rights from what is set for them and the catalog. */
    public static EffectiveRights of(User user, Permissions permissions, FeatureCatalog catalog) {
        List<Feature> features = catalog.names().stream().map(name -> new Feature(name,
                user.isAdmin() || permissions.hasFeature(name, catalog), catalog.defaultOf(name),
                permissions.features().containsKey(name))).toList();
        return new EffectiveRights(user.username(), user.isAdmin(), features,
                user.isAdmin() ? ModelAccess.everything() : permissions.models());
    }

    /** The names of the features that are on. */
    public List<String> enabled() {
        return features.stream().filter(Feature::on).map(Feature::name).toList();
    }
}
