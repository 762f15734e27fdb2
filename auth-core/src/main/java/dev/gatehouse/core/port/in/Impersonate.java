package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator acts as a user to see what they see, and stops. Starting opens a real session
 * for the user that names the administrator, with a short absolute lifetime that activity does not
 * extend; the administrator's own session stays as it was. Only an administrator signed in with a
 * session of their own (not a key, not while already impersonating) may start, and only as an
 * active user who is not an administrator. Both ends are audited ({@code impersonation.start},
 * {@code impersonation.stop}); everything in between is attributed to the user and the administrator.
 */
public interface Impersonate {

    Result start(Command command);

    /** Ends the impersonation session this token belongs to; anything else is {@link NotImpersonating}. */
    StopResult stop(String token, String clientIp);

    /** Who asks (with the session they came with; empty for a key) to act as whom. */
    record Command(Actor actor, Optional<Session> actorSession, Username target, String userAgent) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(actorSession, "actorSession");
            Objects.requireNonNull(target, "target");
            userAgent = userAgent == null ? "" : userAgent;
        }
    }

    /** What starting did. */
    sealed interface Result permits Started, Refused {
    }

    /** The session for {@code user}; {@code token} is its secret, given to the browser once. */
    record Started(User user, Session session, String token) implements Result {
        @Override
        public String toString() {
            return "Started[" + user.username() + ", session=" + session.id() + "]";
        }
    }

    /** What stopping did. */
    sealed interface StopResult permits Stopped, NotImpersonating {
    }

    /** {@code administrator} no longer acts as {@code user}. */
    record Stopped(Username administrator, Username user) implements StopResult {
    }

    /** The token belongs to no impersonation session (an ordinary one, an ended one, or none). */
    record NotImpersonating() implements StopResult {
    }
}
