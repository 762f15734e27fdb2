package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;

/**
 * Locks an account with a reason and ends its sessions. Administrators cannot be locked,
 * and nobody can lock themselves.
 */
public interface LockUser {

    /** {@code reason} may be blank: the default is "Account suspended". */
    Result lock(Actor actor, Username username, String reason);

    /** What happened. */
    sealed interface Result permits Locked, Refused {
    }

    /** The account is locked (it may have been already: the reason is updated). */
    record Locked(User user, int sessionsEnded) implements Result {
    }
}
