package dev.gatehouse.core.service;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.UserStatus;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.ApproveUser;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.UserStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Makes a pending account active, checking inside the atomic update that it is still pending. */
public final class ApproveUserService implements ApproveUser {

    private final UserStore users;
    private final AuditTrail audit;

    public ApproveUserService(UserStore users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    public Result approve(Actor actor, Username username) {
        Optional<Refused> notAdmin = AccountRules.mustBeAdmin(actor);
        if (notAdmin.isPresent()) {
            return notAdmin.get();
        }
        AtomicBoolean wasPending = new AtomicBoolean();
        Optional<User> updated = users.update(username, current -> {
            wasPending.set(current.status() instanceof UserStatus.Pending);
            return wasPending.get() ? current.withStatus(UserStatus.ACTIVE) : current;
        });
        if (updated.isEmpty()) {
            return Refused.noSuchUser(username);
        }
        if (!wasPending.get()) {
            return PendingRules.notPending(updated.get());
        }
        audit.success("user.approve", actor, username);
        return new Approved(updated.get());
    }
}
