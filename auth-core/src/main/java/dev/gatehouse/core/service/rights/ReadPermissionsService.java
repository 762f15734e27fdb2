package dev.gatehouse.core.service.rights;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.EffectiveRights;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.in.ReadPermissions;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.Optional;

/** Reads a user's rights for themselves or an administrator. */
public final class ReadPermissionsService implements ReadPermissions {

    private final UserStore users;
    private final PermissionStore permissions;
    private final FeatureCatalog catalog;

    public ReadPermissionsService(UserStore users, PermissionStore permissions, FeatureCatalog catalog) {
        this.users = users;
        this.permissions = permissions;
        this.catalog = catalog;
    }

    @Override
    public Result read(Actor actor, Username username) {
        Optional<Refused> refused = AccountRules.selfOrAdmin(actor, username);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<User> user = users.find(username);
        if (user.isEmpty()) {
            return Refused.noSuchUser(username);
        }
        Permissions settings = permissions.find(username).orElse(Permissions.DEFAULT);
        return new Rights(EffectiveRights.of(user.get(), settings, catalog), settings);
    }

    @Override
    public FeatureCatalog catalog() {
        return catalog;
    }
}
