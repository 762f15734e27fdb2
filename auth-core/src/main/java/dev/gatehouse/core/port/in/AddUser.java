package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.Password;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.Username;
import java.util.Objects;

/**
 * Creates a user, or sets a new password for one that exists (llms.py's {@code --adduser}).
 * The name {@code admin} and the very first user become administrators.
 */
public interface AddUser {

    Result add(Command command);

    /** Who asks, for whom, with which password; {@code admin} also grants the Admin role. */
    record Command(Actor actor, Username username, Password password, boolean admin) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    /** What happened. */
    sealed interface Result permits Created, PasswordReplaced, Refused {
    }

    /** A new account. */
    record Created(User user) implements Result {
    }

    /** The user existed: their password was replaced and their sessions ended. */
    record PasswordReplaced(User user, int sessionsEnded) implements Result {
    }
}
