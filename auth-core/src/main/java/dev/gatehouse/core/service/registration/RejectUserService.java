package dev.gatehouse.core.service.registration;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RejectUser;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.Optional;

/**
 * Deletes a pending account. Only pending accounts, tested atomically with the removal: one
 * approved meanwhile is refused (its removal is "delete user", with everything that entails). Pending accounts have no sessions, keys
 * or avatar; any sessions found under the name are ended all the same. Someone who asked through a
 * provider has a link to it, removed with it: otherwise that identity would sign in to whoever registers
 * the name next.
 */
public final class RejectUserService implements RejectUser {

    private final UserStore users;
    private final SessionStore sessions;
    private final IdentityLinkStore identities;
    private final AuditTrail audit;

    public RejectUserService(UserStore users, SessionStore sessions, IdentityLinkStore identities, AuditTrail audit) {
        this.users = users;
        this.sessions = sessions;
        this.identities = identities;
        this.audit = audit;
    }

    @Override
    public Result reject(Actor actor, Username username) {
        Optional<Refused> notAdmin = AccountRules.mustBeAdmin(actor);
        if (notAdmin.isPresent()) {
            return notAdmin.get();
        }
        // Tested and deleted in one step of the store: an approval meanwhile is never undone.
        Optional<User> rejected = users.deleteIf(username, u -> u.status() instanceof UserStatus.Pending);
        if (rejected.isEmpty()) {
            Optional<User> current = users.find(username);
            return current.isPresent() ? PendingRules.notPending(current.get()) : Refused.noSuchUser(username);
        }
        sessions.deleteByUser(username);
        identities.deleteAllFor(username);
        audit.success("user.reject", actor, username);
        return new Rejected(rejected.get());
    }
}
