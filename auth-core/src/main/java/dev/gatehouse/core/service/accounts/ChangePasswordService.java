package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import dev.gatehouse.core.service.support.AccountRules;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sets passwords and ends the user's other sessions. A user's own current password is checked
 * under the {@link SignInThrottle} (per account and per address, the slot reserved before the
 * hash), so it cannot be guessed here faster than at sign-in.
 */
public final class ChangePasswordService implements ChangePassword {

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final SignInThrottle throttle;

    /** Without a throttle: for the CLI, which never checks a current password. */
    public ChangePasswordService(UserStore users, SessionStore sessions, PasswordHasher hasher,
                                 PasswordPolicy policy, AuditTrail audit) {
        this(users, sessions, hasher, policy, audit, SignInThrottle.off());
    }

    public ChangePasswordService(UserStore users, SessionStore sessions, PasswordHasher hasher,
                                 PasswordPolicy policy, AuditTrail audit, SignInThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public Result change(Command command) {
        Optional<Refused> refused = AccountRules.selfOrAdmin(command.actor(), command.username());
        if (refused.isEmpty() && command.actor().isImpersonated()) {
            Refused impersonating = Refused.whileImpersonating("change their password");
            audit.record("user.password_change", command.actor(), command.username(), Outcome.REFUSED,
                    Map.of("reason", impersonating.message()));
            return impersonating;
        }
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<User> user = users.find(command.username());
        if (user.isEmpty()) {
            return Refused.noSuchUser(command.username());
        }
        boolean ownAccount = command.actor().is(command.username());
        if (ownAccount) {
            Optional<Result> wrong = checkCurrentPassword(command, user.get());
            if (wrong.isPresent()) {
                return wrong.get();
            }
        }
        Optional<String> weak = policy.problemWith(command.newPassword(), command.username());
        if (weak.isPresent()) {
            return new Refused(Reason.WEAK_PASSWORD, weak.get());
        }
        String hash = hasher.hash(command.newPassword());
        Optional<User> updated = users.update(command.username(), current -> current.withPasswordHash(hash));
        if (updated.isEmpty()) {
            return Refused.noSuchUser(command.username());
        }
        int ended = endOtherSessions(command, ownAccount);
        audit.record("user.password_change", command.actor(), command.username(), Outcome.SUCCESS,
                Map.of("sessions_ended", Integer.toString(ended)));
        return new Changed(updated.get(), ended);
    }

    /** Empty if the current password is right; else the answer (throttled, or wrong and counted). */
    private Optional<Result> checkCurrentPassword(Command command, User user) {
        String account = user.username().value();
        String address = command.actor().clientIp();
        Optional<Duration> wait = throttle.reserve(account, address);
        if (wait.isPresent()) {
            audit.record("user.password_change", command.actor(), command.username(), Outcome.REFUSED,
                    Map.of("reason", "throttled"));
            return Optional.of(new Throttled(wait.get()));
        }
        Boolean matches = null;
        try {
            matches = currentPasswordMatches(command, user);
        } finally {
            if (Boolean.TRUE.equals(matches)) {
                throttle.succeeded(account, address);
            } else if (Boolean.FALSE.equals(matches)) {
                throttle.failed(account, address);
            } else {
                throttle.released(account, address); // the check itself failed
            }
        }
        if (!matches) {
            audit.record("user.password_change", command.actor(), command.username(), Outcome.FAILURE,
                    Map.of("reason", "wrong current password"));
            return Optional.of(new Refused(Reason.WRONG_PASSWORD, "The current password is not correct."));
        }
        return Optional.empty();
    }

    private boolean currentPasswordMatches(Command command, User user) {
        return command.currentPassword().isPresent() && user.passwordHash()
                .map(stored -> hasher.verify(command.currentPassword().get(), stored).matched())
                .orElse(false);
    }

    /** Ends the user's sessions; only someone changing their own password keeps the one they use. */
    private int endOtherSessions(Command command, boolean ownAccount) {
        int ended = 0;
        for (Session session : sessions.listByUser(command.username())) {
            if (ownAccount && command.keepSession().map(session.id()::equals).orElse(false)) {
                continue;
            }
            if (sessions.delete(session.id())) {
                ended++;
            }
        }
        return ended;
    }
}
