package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.InviteId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where invites live, found by public id or by the keyed digest of their code (never the code).
 *
 * <p>Contract (checked by {@code InviteStoreContract} in core's test-jar):
 * <ul>
 *   <li>Ids are unique, and so are digests; an invite reads back equal to what was written
 *       (instants to the millisecond, uses in the order they were recorded).</li>
 *   <li>{@link #insert} is atomic: of two concurrent inserts of one id (or one digest) exactly
 *       one wins, the other gets {@code false}; nothing is overwritten. An invite is inserted with
 *       the uses it has (a copy between stores carries them).</li>
 *   <li>{@link #recordUse} is atomic and never exceeds {@link Invite#maxUses()}: of any number of
 *       concurrent uses, from threads or processes, of an invite with {@code n} uses left exactly
 *       {@code n} succeed. It records nothing on an invite that is revoked or expired at the
 *       use's time.</li>
 *   <li>{@link #revoke} keeps the first revocation time; uses recorded stay.</li>
 *   <li>Invites are never deleted: listings show revoked, expired and used ones.</li>
 *   <li>A change is visible to every later call, also through another instance of the store
 *       opened on the same place (a revocation from the CLI stops a running server's invite).</li>
 *   <li>Failures of the medium throw {@link StoreException} and leave the invites as they were.</li>
 * </ul>
 */
public interface InviteStore {

    /** Adds {@code invite}; {@code false} (and no change) if its id or digest is taken. */
    boolean insert(Invite invite);

    /** The invite with this id, if any. */
    Optional<Invite> find(InviteId id);

    /** The invite whose code has this digest, if any. */
    Optional<Invite> findByDigest(String digest);

    /** Every invite, newest first (ties by id). */
    List<Invite> list();

    /** Up to {@code limit} invites whose ids sort after {@code after} (from the first if empty), in id order. */
    List<Invite> page(Optional<InviteId> after, int limit);

    /**
     * Records that {@code use} registered with the invite, if it is still usable at
     * {@code use.at()} (not revoked, not expired, uses left), atomically.
     *
     * @return the invite with the use recorded, or empty (and no change) if there is no such
     *         invite or it was not usable
     */
    Optional<Invite> recordUse(InviteId id, Invite.Use use);

    /**
     * Revokes the invite at {@code at} (an invite revoked already keeps its time).
     *
     * @return the stored result, or empty if there is no such invite
     */
    Optional<Invite> revoke(InviteId id, Instant at);
}
