package dev.gatehouse.core.service.registration;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ApproveUser;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.accounts.UserChange;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.Optional;

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
        Optional<UserChange> change = UserChange.apply(users, username,
                current -> current.status() instanceof UserStatus.Pending ? current.withStatus(UserStatus.ACTIVE) : current);
        if (change.isEmpty()) {
            return Refused.noSuchUser(username);
        }
        if (!(change.get().before().status() instanceof UserStatus.Pending)) {
            return PendingRules.notPending(change.get().after());
        }
        audit.success("user.approve", actor, username);
        return new Approved(change.get().after());
    }
}
