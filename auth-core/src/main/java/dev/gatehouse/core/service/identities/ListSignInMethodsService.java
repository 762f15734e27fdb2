package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.ListSignInMethods;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.Map;
import java.util.Optional;

/**
 * Lists an account's ways in. Reading is not audited (no listing is); a refused look at someone
 * else's account is. Links left behind by an earlier account of the same name are not shown.
 */
public final class ListSignInMethodsService implements ListSignInMethods {

    private final UserStore users;
    private final IdentityLinkStore links;
    private final AuditTrail audit;

    public ListSignInMethodsService(UserStore users, IdentityLinkStore links, AuditTrail audit) {
        this.users = users;
        this.links = links;
        this.audit = audit;
    }

    @Override
    public Result list(Actor actor, Username username) {
        Optional<Refused> refused = AccountRules.selfOrAdmin(actor, username);
        if (refused.isPresent()) {
            audit.record("identity.list", actor, username, Outcome.REFUSED, Map.of("reason", refused.get().message()));
            return refused.get();
        }
        Optional<User> user = users.find(username);
        if (user.isEmpty()) {
            return Refused.noSuchUser(username);
        }
        return methods(user.get());
    }

    private Methods methods(User user) {
        return new Methods(user.username(), user.passwordHash().isPresent(),
                links.listFor(user.username()).stream().filter(link -> LinkOwner.belongsTo(link, user)).toList());
    }
}
