package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Where users' API keys live, found by public id or by the keyed digest of their secret (never
 * the secret itself).
 *
 * <p>Contract (checked by {@code ApiKeyStoreContract} in core's test-jar):
 * <ul>
 *   <li>Ids are unique, and so are non-empty digests; a key reads back equal to what was written
 *       (instants to the millisecond, scopes as a set). Keys with an empty digest (imported keys
 *       checked by a legacy verifier) may be many, and {@link #findByDigest} never finds them.</li>
 *   <li>{@link #insert} is atomic: of two concurrent inserts of one id (or one digest) exactly one
 *       wins, the other gets {@code false}; nothing is overwritten.</li>
 *   <li>{@link #update} is an atomic read-modify-write: concurrent updates from any number of
 *       threads or processes are all applied, none lost. It may change only what
 *       {@link ApiKey#sameKeyAs} lets differ (name, last use, revocation); anything else is an
 *       {@code IllegalArgumentException} and no change.</li>
 *   <li>Keys are never deleted: revoking keeps them, so listings show them as revoked.</li>
 *   <li>A change is visible to every later call, also through another instance of the store
 *       opened on the same place (a revocation from the CLI stops a running server's key).</li>
 *   <li>The store does not judge expiry, revocation or owners: the use cases do. It does not check
 *       that the owner exists. Failures of the medium throw {@link StoreException} and leave the
 *       keys as they were.</li>
 * </ul>
 */
public interface ApiKeyStore {

    /** Adds {@code key}; {@code false} (and no change) if its id or its non-empty digest is taken. */
    boolean insert(ApiKey key);

    /** The key with this id, if any. */
    Optional<ApiKey> find(ApiKeyId id);

    /** The key whose secret has this digest, if any; an empty digest finds nothing. */
    Optional<ApiKey> findByDigest(String digest);

    /**
     * True if some key was imported with a digest: a key another system kept in plain text (llmux
     * v1), which may have any shape and is found only by its digest. Asked rarely (a check keeps
     * the answer while {@link #changeCount} holds, or a few seconds), so it may cost a query.
     */
    default boolean holdsImportedDigests() {
        return false;
    }

    /** The owner's keys, revoked ones included, newest first (ties by id). */
    List<ApiKey> listByOwner(Username owner);

    /** Up to {@code limit} keys of everyone whose ids sort after {@code after} (from the first if empty), in id order. */
    List<ApiKey> page(Optional<ApiKeyId> after, int limit);

    /**
     * Replaces the key with {@code change.apply(current)}, atomically. {@code change} may run more
     * than once (a store may retry), so it must not have effects beyond its result.
     *
     * @return the stored result, or empty (and no change) if there is no such key
     */
    Optional<ApiKey> update(ApiKeyId id, UnaryOperator<ApiKey> change);

    /**
     * Records when keys were last used, many at once (a server flushes what it saw every few
     * seconds rather than writing per request). A time earlier than the one stored is ignored,
     * so last use never moves back; unknown ids are ignored.
     */
    void touch(Map<ApiKeyId, Instant> lastUsed);

    /** Revokes every unrevoked key of {@code owner} at {@code at}; returns how many were newly revoked. */
    int revokeByOwner(Username owner, Instant at);

    /**
     * A number that changes whenever anything in this store's place — keys, and the users they
     * belong to — may have changed, by this process or any other, so a key check can be kept while
     * the number stays the same (as {@code SessionStore#changeCount} for sessions). Empty when the
     * store cannot tell cheaply, or keeps users elsewhere: then nothing may be kept. It must be
     * much cheaper than a lookup; it may lag a change by a few milliseconds at most. This store's own
     * {@link #touch} may leave it as it was (last use changes no check's outcome).
     */
    default OptionalLong changeCount() {
        return OptionalLong.empty();
    }
}
