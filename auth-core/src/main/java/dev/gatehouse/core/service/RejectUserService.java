package dev.gatehouse.core.service;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.UserStatus;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.RejectUser;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import java.util.Optional;

/**
 * Deletes a pending account. Only pending accounts: one approved meanwhile is refused (its
 * removal is "delete user", with everything that entails). Pending accounts have no sessions, keys
 * or avatar; any sessions found under the name are ended all the same.
 */
public final class RejectUserService implements RejectUser {

    private final UserStore users;
    private final SessionStore sessions;
    private final AuditTrail audit;

    public RejectUserService(UserStore users, SessionStore sessions, AuditTrail audit) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public Result reject(Actor actor, Username username) {
        Optional<Refused> notAdmin = AccountRules.mustBeAdmin(actor);
        if (notAdmin.isPresent()) {
            return notAdmin.get();
        }
        Optional<User> current = users.find(username);
        if (current.isEmpty()) {
            return Refused.noSuchUser(username);
        }
        if (!(current.get().status() instanceof UserStatus.Pending)) {
            return PendingRules.notPending(current.get());
        }
        // Re-checked just before deleting: an approval between the two reads must not be undone.
        if (users.find(username).filter(u -> u.status() instanceof UserStatus.Pending).isEmpty()
                || !users.delete(username)) {
            return Refused.noSuchUser(username);
        }
        sessions.deleteByUser(username);
        audit.success("user.reject", actor, username);
        return new Rejected(current.get());
    }
}
