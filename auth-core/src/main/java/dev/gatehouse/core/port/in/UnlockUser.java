package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;

/** Restores a locked account. */
public interface UnlockUser {

    Result unlock(Actor actor, Username username);

    /** What happened. */
    sealed interface Result permits Unlocked, Refused {
    }

    /** The account is active; {@code wasLocked} is false if it already was. */
    record Unlocked(User user, boolean wasLocked) implements Result {
    }
}
