package dev.gatehouse.core.service.rights;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.rights.EffectiveRights;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.in.SetPermissions;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Changes a user's features and models. Only features the operator offers can be set; a setting
 * equal to nothing at all (defaults and every model) removes the record.
 */
public final class SetPermissionsService implements SetPermissions {

    private final UserStore users;
    private final PermissionStore permissions;
    private final FeatureCatalog catalog;
    private final AuditTrail audit;

    public SetPermissionsService(UserStore users, PermissionStore permissions, FeatureCatalog catalog, AuditTrail audit) {
        this.users = users;
        this.permissions = permissions;
        this.catalog = catalog;
        this.audit = audit;
    }

    @Override
    public Result set(Command command) {
        Optional<Refused> refused = AccountRules.mustBeAdmin(command.actor()).or(() -> unknownFeature(command));
        if (refused.isPresent()) {
            audit.record("user.permissions", command.actor(), command.username(), Outcome.REFUSED,
                    Map.of("reason", refused.get().message()));
            return refused.get();
        }
        Optional<User> user = users.find(command.username());
        if (user.isEmpty()) {
            return Refused.noSuchUser(command.username());
        }
        Permissions before = permissions.find(command.username()).orElse(Permissions.DEFAULT);
        Map<String, Boolean> features = new HashMap<>(command.replaceFeatures() ? Map.of() : before.features());
        command.toDefault().forEach(features::remove);
        features.putAll(command.features());
        Permissions after = new Permissions(features, command.models().orElse(before.models()));
        if (after.equals(Permissions.DEFAULT)) {
            permissions.remove(command.username());
        } else {
            permissions.put(command.username(), after);
        }
        audit.record("user.permissions", command.actor(), command.username(), Outcome.SUCCESS, Map.of(
                "features_before", before.describeFeatures(), "features_after", after.describeFeatures(),
                "models_before", before.models().describe(), "models_after", after.models().describe()));
        return new Changed(EffectiveRights.of(user.get(), after, catalog));
    }

    private Optional<Refused> unknownFeature(Command command) {
        Set<String> named = new HashSet<>(command.features().keySet());
        named.addAll(command.toDefault());
        return named.stream().filter(name -> !catalog.knows(name)).sorted().findFirst()
                .map(name -> new Refused(Reason.INVALID, "'" + name + "' is not a feature of this server;"
                        + " the features are: " + catalog.known() + "."));
    }
}
