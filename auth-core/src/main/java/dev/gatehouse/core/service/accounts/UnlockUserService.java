package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.UnlockUser;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.Optional;

/** Unlocks accounts. */
public final class UnlockUserService implements UnlockUser {

    private final UserStore users;
    private final AuditTrail audit;

    public UnlockUserService(UserStore users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    public Result unlock(Actor actor, Username username) {
        Optional<Refused> refused = AccountRules.mustBeAdmin(actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<UserChange> change = UserChange.apply(users, username,
                current -> current.status().isLocked() ? current.withStatus(UserStatus.ACTIVE) : current);
        if (change.isEmpty()) {
            return Refused.noSuchUser(username);
        }
        boolean wasLocked = change.get().before().status().isLocked();
        if (wasLocked) {
            audit.success("user.unlock", actor, username);
        }
        return new Unlocked(change.get().after(), wasLocked);
    }
}
