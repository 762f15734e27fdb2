package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.LockUser;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Locks accounts and ends their sessions at once. */
public final class LockUserService implements LockUser {

    private final UserStore users;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final Clock clock;

    public LockUserService(UserStore users, SessionStore sessions, AuditTrail audit, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result lock(Actor actor, Username username, String reason) {
        Optional<Refused> notAdmin = AccountRules.mustBeAdmin(actor);
        if (notAdmin.isPresent()) {
            return notAdmin.get();
        }
        UserStatus locked = UserStatus.locked(reason, clock.instant());
        AtomicReference<Refused> refusal = new AtomicReference<>();
        // The rule is checked inside the atomic update so a user made admin meanwhile is not locked.
        Optional<User> updated = users.update(username, current -> {
            Optional<Refused> refused = AccountRules.mayLock(actor, current);
            refusal.set(refused.orElse(null)); // a store may run the change more than once
            return refused.isPresent() ? current : current.withStatus(locked);
        });
        if (updated.isEmpty()) {
            return Refused.noSuchUser(username);
        }
        if (refusal.get() != null) {
            audit.record("user.lock", actor, username, Outcome.REFUSED, Map.of("reason", refusal.get().message()));
            return refusal.get();
        }
        int ended = sessions.deleteByUser(username);
        audit.record("user.lock", actor, username, Outcome.SUCCESS, Map.of(
                "lock_reason", ((UserStatus.Locked) locked).reason(), "sessions_ended", Integer.toString(ended)));
        return new Locked(updated.get(), ended);
    }
}
