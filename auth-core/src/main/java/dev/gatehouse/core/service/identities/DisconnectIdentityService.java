package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.port.in.DisconnectIdentity;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Removes a provider identity from an account, never its last way in. The store cannot remove one
 * link on the condition that another remains, so the rule is checked before and after: if two
 * removals at once left an account without a password and without links, the removal that sees
 * it puts its link back and is refused.
 */
public final class DisconnectIdentityService implements DisconnectIdentity {

    private final UserStore users;
    private final IdentityLinkStore links;
    private final AuditTrail audit;

    public DisconnectIdentityService(UserStore users, IdentityLinkStore links, AuditTrail audit) {
        this.users = users;
        this.links = links;
        this.audit = audit;
    }

    @Override
    public Result disconnect(Command command) {
        Actor actor = command.actor();
        Optional<Refused> refused = AccountRules.selfOrAdmin(actor, command.username())
                .or(() -> actor.isImpersonated()
                        ? Optional.of(Refused.whileImpersonating("disconnect a sign-in method")) : Optional.empty());
        if (refused.isPresent()) {
            return refused(command, refused.get());
        }
        Optional<User> user = users.find(command.username());
        if (user.isEmpty()) {
            return refused(command, Refused.noSuchUser(command.username()));
        }
        Optional<IdentityLink> link = links.find(command.provider(), command.subject())
                .filter(l -> LinkOwner.belongsTo(l, user.get()));
        if (link.isEmpty()) {
            return refused(command, new Refused(Reason.NOT_FOUND, "'" + command.username() + "' has no sign-in"
                    + " method " + command.provider() + " with that id; the list of sign-in methods shows them."));
        }
        if (ways(user.get()) <= 1) {
            return refused(command, lastWayIn(user.get(), link.get()));
        }
        if (!links.delete(command.provider(), command.subject(), command.username())) {
            return refused(command, new Refused(Reason.NOT_FOUND, link.get().label() + " was disconnected a moment"
                    + " ago."));
        }
        User now = users.find(command.username()).orElse(user.get());
        if (ways(now) == 0) {
            links.insert(link.get());
            return refused(command, lastWayIn(now, link.get()));
        }
        audit.record("identity.disconnect", actor, command.username(), Outcome.SUCCESS, details(link.get()));
        return new Disconnected(link.get());
    }

    /** The password, if any, and the links that lead into this account. */
    private int ways(User user) {
        long linked = links.listFor(user.username()).stream().filter(l -> LinkOwner.belongsTo(l, user)).count();
        return (int) linked + (user.passwordHash().isPresent() ? 1 : 0);
    }

    private static Refused lastWayIn(User user, IdentityLink link) {
        return new Refused(Reason.NOT_ALLOWED, link.label() + " is the last way into '" + user.username()
                + "': the account has no password and no other sign-in method. Set a password or connect another provider first.");
    }

    private Result refused(Command command, Refused refused) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("provider", command.provider().value());
        details.put("reason", refused.message());
        audit.record("identity.disconnect", command.actor(), command.username(), Outcome.REFUSED, details);
        return refused;
    }

    private static Map<String, String> details(IdentityLink link) {
        return Map.of("provider", link.provider().value(), "identity", link.label());
    }
}
