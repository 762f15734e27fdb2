package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where sessions live, keyed by the keyed digest of their token (never the token itself).
 *
 * <p>Contract (checked by {@code SessionStoreContract}):
 * <ul>
 *   <li>Session ids and token digests are unique; a session reads back equal to what was saved.</li>
 *   <li>Deletions are visible at once to every later lookup, also through another instance of
 *       the store on the same place (a lock from the CLI ends a running server's sessions).</li>
 *   <li>The store does not judge expiry; {@link #deleteExpired} is the only place it applies it.</li>
 * </ul>
 */
public interface SessionStore {

    /** Saves a new session. */
    void save(Session session);

    /** The session whose token has this digest, if any. */
    Optional<Session> findByTokenDigest(String tokenDigest);

    /** One session by its public id, if any. */
    Optional<Session> find(SessionId id);

    /** The user's sessions, newest first. */
    List<Session> listByUser(Username username);

    /** Up to {@code limit} sessions whose ids sort after {@code after} (all if empty), in id order. */
    List<Session> page(Optional<SessionId> after, int limit);

    /** Records activity; does nothing if the session is gone. */
    void touch(SessionId id, Instant lastSeenAt);

    /** Ends one session; {@code false} if it did not exist. */
    boolean delete(SessionId id);

    /** Ends every session of the user and says how many there were. */
    int deleteByUser(Username username);

    /** Removes sessions past {@code now} absolutely or idle for {@code idleTimeout}; returns how many. */
    int deleteExpired(Instant now, Duration idleTimeout);

    /**
     * A number that changes whenever anything in this store's place (sessions, users) may have
     * changed — by this process or any other — so a caller can keep what it read while the number
     * stays the same. Empty when the store cannot tell cheaply: then nothing may be kept.
     * It must be much cheaper than a lookup; it may lag a change by a few milliseconds at most. This
     * store's own {@link #touch} may leave it as it was (activity changes no check's outcome).
     */
    default OptionalLong changeCount() {
        return OptionalLong.empty();
    }
}
