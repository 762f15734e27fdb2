package dev.gatehouse.bench;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.out.ApiKeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * An {@link ApiKeyStore} that passes every call to another one, counts the lookups by digest, and
 * can hide the change count: then no key check may be kept and every check reads the store, as
 * on PostgreSQL and the JSON store.
 */
final class ProbedKeyStore implements ApiKeyStore {

    private final ApiKeyStore store;
    private final boolean hideChangeCount;
    private final LongAdder digestLookups = new LongAdder();

    ProbedKeyStore(ApiKeyStore store, boolean hideChangeCount) {
        this.store = store;
        this.hideChangeCount = hideChangeCount;
    }

    /** How many times {@link #findByDigest} was called so far. */
    long digestLookups() {
        return digestLookups.sum();
    }

    @Override
    public OptionalLong changeCount() {
        return hideChangeCount ? OptionalLong.empty() : store.changeCount();
    }

    @Override
    public Optional<ApiKey> findByDigest(String digest) {
        digestLookups.increment();
        return store.findByDigest(digest);
    }

    @Override
    public boolean insert(ApiKey key) {
        return store.insert(key);
    }

    @Override
    public Optional<ApiKey> find(ApiKeyId id) {
        return store.find(id);
    }

    @Override
    public List<ApiKey> listByOwner(Username owner) {
        return store.listByOwner(owner);
    }

    @Override
    public List<ApiKey> page(Optional<ApiKeyId> after, int limit) {
        return store.page(after, limit);
    }

    @Override
    public Optional<ApiKey> update(ApiKeyId id, UnaryOperator<ApiKey> change) {
        return store.update(id, change);
    }

    @Override
    public void touch(Map<ApiKeyId, Instant> lastUsed) {
        store.touch(lastUsed);
    }

    @Override
    public int revokeByOwner(Username owner, Instant at) {
        return store.revokeByOwner(owner, at);
    }
}
