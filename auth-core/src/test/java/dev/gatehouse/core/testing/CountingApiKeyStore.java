package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.out.ApiKeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An {@link ApiKeyStore} that counts lookups and writes, to show which checks need no store at
 * all; with {@link #tells} set it also tells a change count that every write through it moves
 * (but last-use batches, so tests can flush them and still see a check kept).
 */
public final class CountingApiKeyStore implements ApiKeyStore {

    private final ApiKeyStore store;
    public final AtomicInteger lookups = new AtomicInteger();
    public final AtomicInteger writes = new AtomicInteger();
    public final AtomicInteger touches = new AtomicInteger();
    /** When set, the next {@link #touch} fails as a broken store would. */
    public volatile boolean failNextTouch;
    /** Whether {@link #changeCount} tells anything (by default not, as a store that cannot). */
    public volatile boolean tells;
    /** The change count told; tests move it for writes made around this store, as a database would. */
    public volatile long count;

    public CountingApiKeyStore(ApiKeyStore store) {
        this.store = store;
    }

    @Override
    public boolean insert(ApiKey key) {
        writes.incrementAndGet();
        count++;
        return store.insert(key);
    }

    @Override
    public Optional<ApiKey> find(ApiKeyId id) {
        lookups.incrementAndGet();
        return store.find(id);
    }

    @Override
    public Optional<ApiKey> findByDigest(String digest) {
        lookups.incrementAndGet();
        return store.findByDigest(digest);
    }

    @Override
    public boolean holdsImportedDigests() {
        lookups.incrementAndGet();
        return store.holdsImportedDigests();
    }

    @Override
    public List<ApiKey> listByOwner(Username owner) {
        lookups.incrementAndGet();
        return store.listByOwner(owner);
    }

    @Override
    public List<ApiKey> page(Optional<ApiKeyId> after, int limit) {
        lookups.incrementAndGet();
        return store.page(after, limit);
    }

    @Override
    public Optional<ApiKey> update(ApiKeyId id, UnaryOperator<ApiKey> change) {
        writes.incrementAndGet();
        count++;
        return store.update(id, change);
    }

    @Override
    public void touch(Map<ApiKeyId, Instant> lastUsed) {
        if (failNextTouch) {
            failNextTouch = false;
            throw new dev.gatehouse.core.port.out.StoreException("The key store is unreachable (a test).");
        }
        touches.incrementAndGet();
        writes.incrementAndGet();
        store.touch(lastUsed);
    }

    @Override
    public OptionalLong changeCount() {
        return tells ? OptionalLong.of(count) : OptionalLong.empty();
    }

    @Override
    public int revokeByOwner(Username owner, Instant at) {
        writes.incrementAndGet();
        count++;
        return store.revokeByOwner(owner, at);
    }
}
