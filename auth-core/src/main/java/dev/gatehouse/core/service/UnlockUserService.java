package dev.gatehouse.core.service;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.UserStatus;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.UnlockUser;
import dev.gatehouse.core.port.out.UserStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

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
        AtomicBoolean wasLocked = new AtomicBoolean();
        Optional<User> updated = users.update(username, current -> {
            wasLocked.set(current.status().isLocked());
            return current.status().isLocked() ? current.withStatus(UserStatus.ACTIVE) : current;
        });
        if (updated.isEmpty()) {
            return Refused.noSuchUser(username);
        }
        if (wasLocked.get()) {
            audit.success("user.unlock", actor, username);
        }
        return new Unlocked(updated.get(), wasLocked.get());
    }
}
