package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.out.ApiKeyStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** An {@link ApiKeyStore} in a sorted map, one lock around everything: the reference for the contract. */
public final class InMemoryApiKeyStore implements ApiKeyStore {

    private static final Comparator<ApiKey> NEWEST_FIRST =
            Comparator.comparing(ApiKey::createdAt).reversed().thenComparing(ApiKey::id);

    private final TreeMap<ApiKeyId, ApiKey> keys = new TreeMap<>();

    @Override
    public synchronized boolean insert(ApiKey key) {
        Objects.requireNonNull(key, "key");
        if (keys.containsKey(key.id()) || !key.digest().isEmpty() && findByDigest(key.digest()).isPresent()) {
            return false;
        }
        keys.put(key.id(), key);
        return true;
    }

    @Override
    public synchronized Optional<ApiKey> find(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public synchronized Optional<ApiKey> findByDigest(String digest) {
        if (digest.isEmpty()) {
            return Optional.empty();
        }
        return keys.values().stream().filter(k -> k.digest().equals(digest)).findFirst();
    }

    @Override
    public synchronized boolean holdsImportedDigests() {
        return keys.values().stream().anyMatch(k -> k.origin() == ApiKey.Origin.IMPORTED && !k.digest().isEmpty());
    }

    @Override
    public synchronized List<ApiKey> listByOwner(Username owner) {
        return keys.values().stream().filter(k -> k.owner().equals(owner)).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public synchronized List<ApiKey> page(Optional<ApiKeyId> after, int limit) {
        Map<ApiKeyId, ApiKey> tail = after.<Map<ApiKeyId, ApiKey>>map(a -> keys.tailMap(a, false)).orElse(keys);
        return tail.values().stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<ApiKey> update(ApiKeyId id, UnaryOperator<ApiKey> change) {
        ApiKey current = keys.get(id);
        if (current == null) {
            return Optional.empty();
        }
        ApiKey changed = Objects.requireNonNull(change.apply(current), "changed key");
        if (!changed.sameKeyAs(current)) {
            throw new IllegalArgumentException("An update may change a key's name, last use and revocation only;"
                    + " it tried to change more of key '" + id + "'.");
        }
        keys.put(id, changed);
        return Optional.of(changed);
    }

    @Override
    public synchronized void touch(Map<ApiKeyId, Instant> lastUsed) {
        lastUsed.forEach((id, at) -> keys.computeIfPresent(id, (key, current) -> current.usedAt(at)));
    }

    @Override
    public synchronized int revokeByOwner(Username owner, Instant at) {
        int count = 0;
        for (Map.Entry<ApiKeyId, ApiKey> entry : keys.entrySet()) {
            ApiKey key = entry.getValue();
            if (key.owner().equals(owner) && !key.isRevoked()) {
                entry.setValue(key.revoked(at));
                count++;
            }
        }
        return count;
    }
}
