package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;

/** An administrator lets a pending registration in: the account becomes active and may sign in. */
public interface ApproveUser {

    Result approve(Actor actor, Username username);

    /** What happened. */
    sealed interface Result permits Approved, Refused {
    }

    /** The account is active. */
    record Approved(User user) implements Result {
    }
}
