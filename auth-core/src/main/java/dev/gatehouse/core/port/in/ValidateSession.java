package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.sessions.Session;
import java.util.Optional;

/**
 * Turns a session token from a client into the signed-in user, if the session exists, has not
 * expired (absolutely or by idleness) and its user is still active. Records activity.
 */
public interface ValidateSession {

    Optional<SignedInUser> validate(String token);

    /**
     * The answer of a check made a moment ago that still holds — the store says nothing changed
     * since and the session needs no activity write — without reading the store; empty means
     * "call {@link #validate}". Servers use it to answer most requests without blocking I/O.
     */
    default Optional<SignedInUser> kept(String token) {
        return Optional.empty();
    }

    /** The user and the session they are signed in with. */
    record SignedInUser(User user, Session session) {
    }
}
