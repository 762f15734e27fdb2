package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;

/**
 * Makes a user an administrator or takes it away. Only administrators may; nobody changes their
 * own role (so nobody locks themselves out by a slip), and the last active administrator stays one.
 * The new role applies to the user's next request; their sessions and keys stay.
 */
public interface ChangeRole {

    Result change(Actor actor, Username username, boolean admin);

    /** What happened. */
    sealed interface Result permits Changed, Refused {
    }

    /** The user now has the asked-for role; {@code changed} is false when they had it already. */
    record Changed(User user, boolean changed) implements Result {
    }
}
