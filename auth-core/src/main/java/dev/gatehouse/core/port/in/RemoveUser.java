package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;

/**
 * Deletes an account, ends its sessions, revokes its API keys and removes its avatar, permissions and
 * links to identities at providers. Nobody can delete themselves.
 */
public interface RemoveUser {

    Result remove(Actor actor, Username username);

    /** What happened. */
    sealed interface Result permits Removed, Refused {
    }

    /** The account is gone, and so are its sessions and avatar; its API keys are revoked. */
    record Removed(User user, int sessionsEnded) implements Result {
    }
}
