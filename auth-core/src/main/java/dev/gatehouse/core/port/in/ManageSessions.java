package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import java.util.List;

/**
 * Lists and ends a user's sessions. Users manage their own; administrators anyone's.
 */
public interface ManageSessions {

    /** The live sessions of {@code username}, newest first. */
    Result list(Actor actor, Username username);

    /** Ends one session of {@code username}. */
    Result end(Actor actor, Username username, SessionId id);

    /** Ends every session of {@code username}. */
    Result endAll(Actor actor, Username username);

    /** Ends every session of {@code username} but {@code keep}, the one the request came with. */
    Result endOthers(Actor actor, Username username, SessionId keep);

    /** Removes expired sessions of everyone; returns how many. */
    int purgeExpired();

    /** What happened. */
    sealed interface Result permits Sessions, Ended, Refused {
    }

    /** The sessions asked for. */
    record Sessions(List<Session> sessions) implements Result {
        public Sessions {
            sessions = List.copyOf(sessions);
        }
    }

    /** How many sessions ended. */
    record Ended(int count) implements Result {
    }
}
