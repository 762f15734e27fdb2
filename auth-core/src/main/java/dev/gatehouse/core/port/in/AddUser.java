package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import java.util.Objects;

/**
 * Creates a user, or sets a new password for one that exists (llms.py's {@code --adduser}) unless
 * the command asks for a new account only. The name {@code admin} and the very first user become
 * administrators.
 */
public interface AddUser {

    Result add(Command command);

    /**
     * Who asks, for whom, with which password; {@code admin} also grants the Admin role;
     * {@code ifExists} says what to do when the name is taken.
     */
    record Command(Actor actor, Username username, Password password, boolean admin, IfExists ifExists) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(ifExists, "ifExists");
        }

        /** A command that replaces the password of an existing user, as llms.py's {@code --adduser} does. */
        public Command(Actor actor, Username username, Password password, boolean admin) {
            this(actor, username, password, admin, IfExists.REPLACE_PASSWORD);
        }
    }

    /** What to do when a user of that name exists. */
    enum IfExists {
        /** Set their password (and grant Admin if asked); their sessions end. */
        REPLACE_PASSWORD,
        /** Change nothing and refuse with {@link Refused.Reason#EXISTS}. */
        REFUSE
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
