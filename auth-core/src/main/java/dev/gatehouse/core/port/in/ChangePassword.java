package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.SessionId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets a user's password. Users changing their own must give the current one; administrators
 * may set anyone's. The current password is checked under the sign-in throttle, so this is no
 * way around it. Every session of the user ends, except {@code keepSession} (the one the
 * change was made from), so a stolen session does not outlive a password change.
 */
public interface ChangePassword {

    Result change(Command command);

    /** Who asks, for whom, the current password (required for one's own), and the new one. */
    record Command(Actor actor, Username username, Optional<Password> currentPassword,
                   Password newPassword, Optional<SessionId> keepSession) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(currentPassword, "currentPassword");
            Objects.requireNonNull(newPassword, "newPassword");
            Objects.requireNonNull(keepSession, "keepSession");
        }
    }

    /** What happened. */
    sealed interface Result permits Changed, Refused, Throttled {
    }

    /**
     * Too many wrong current passwords lately for this account or from this address (the sign-in
     * throttle counts both): nothing was checked; try again after {@code retryAfter}.
     */
    record Throttled(Duration retryAfter) implements Result {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The password is set and {@code sessionsEnded} other sessions ended. */
    record Changed(User user, int sessionsEnded) implements Result {
    }
}
