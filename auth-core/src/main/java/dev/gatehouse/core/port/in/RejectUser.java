package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;

/** An administrator turns a pending registration down: the account is deleted, freeing its name. */
public interface RejectUser {

    Result reject(Actor actor, Username username);

    /** What happened. */
    sealed interface Result permits Rejected, Refused {
    }

    /** The pending account is gone. */
    record Rejected(User user) implements Result {
    }
}
