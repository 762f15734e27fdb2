package dev.gatehouse.core.service;

import dev.gatehouse.core.model.ApiKey;
import dev.gatehouse.core.model.ApiKeyId;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.out.ApiKeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** An {@link ApiKeyStore} that counts lookups and writes, to show which checks need no store at all. */
final class CountingApiKeyStore implements ApiKeyStore {

    private final ApiKeyStore store;
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger touches = new AtomicInteger();
    /** When set, the next {@link #touch} fails as a broken store would. */
    volatile boolean failNextTouch;

    CountingApiKeyStore(ApiKeyStore store) {
        this.store = store;
    }

    @Override
    public boolean insert(ApiKey key) {
        writes.incrementAndGet();
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
    public int revokeByOwner(Username owner, Instant at) {
        writes.incrementAndGet();
        return store.revokeByOwner(owner, at);
    }
}
