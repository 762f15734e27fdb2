package dev.gatehouse.core.service;

import dev.gatehouse.core.model.AuditEvent.Outcome;
import dev.gatehouse.core.model.Session;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import java.util.Map;
import java.util.Optional;

/** Sets passwords and ends the user's other sessions. */
public final class ChangePasswordService implements ChangePassword {

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditTrail audit;

    public ChangePasswordService(UserStore users, SessionStore sessions, PasswordHasher hasher,
                                 PasswordPolicy policy, AuditTrail audit) {
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
        if (ownAccount && !currentPasswordMatches(command, user.get())) {
            audit.record("user.password_change", command.actor(), command.username(), Outcome.FAILURE,
                    Map.of("reason", "wrong current password"));
            return new Refused(Reason.WRONG_PASSWORD, "The current password is not correct.");
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
