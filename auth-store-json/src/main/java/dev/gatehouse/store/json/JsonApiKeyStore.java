package dev.gatehouse.store.json;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.store.json.StoreFile.Change;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * API keys in gatehouse-api-keys.json, always mode 0600. Lookups by digest see revocations made
 * by other processes (the file is re-read when it changed); a batch of last-use times is one write.
 */
final class JsonApiKeyStore implements ApiKeyStore {

    private static final Comparator<ApiKey> NEWEST_FIRST =
            Comparator.comparing(ApiKey::createdAt).reversed().thenComparing(ApiKey::id);

    private final StoreFile<ApiKeysDocument> file;

    JsonApiKeyStore(StoreDirectory directory) {
        this.file = new StoreFile<>(directory, ApiKeysDocument.FILE_NAME, ApiKeysDocument.CODEC, true);
    }

    @Override
    public boolean insert(ApiKey key) {
        Objects.requireNonNull(key, "key");
        return file.change(keys -> keys.find(key.id()).isPresent() || keys.digestTaken(key.digest())
                ? Change.keep(false) : Change.write(keys.with(List.of(key)), true));
    }

    @Override
    public Optional<ApiKey> find(ApiKeyId id) {
        return file.read().find(id);
    }

    @Override
    public Optional<ApiKey> findByDigest(String digest) {
        return digest.isEmpty() ? Optional.empty() : file.read().findByDigest(digest);
    }

    @Override
    public boolean holdsImportedDigests() {
        return file.read().all().stream().anyMatch(k -> k.origin() == ApiKey.Origin.IMPORTED && !k.digest().isEmpty());
    }

    @Override
    public List<ApiKey> listByOwner(Username owner) {
        return file.read().all().stream().filter(k -> k.owner().equals(owner)).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public List<ApiKey> page(Optional<ApiKeyId> after, int limit) {
        return Pages.after(file.read().byId(), ApiKey::id, Comparator.naturalOrder(), after, limit);
    }

    @Override
    public Optional<ApiKey> update(ApiKeyId id, UnaryOperator<ApiKey> change) {
        Objects.requireNonNull(change, "change");
        return file.change(keys -> {
            Optional<ApiKey> current = keys.find(id);
            if (current.isEmpty()) {
                return Change.keep(Optional.empty());
            }
            ApiKey changed = Objects.requireNonNull(change.apply(current.get()), "changed key");
            if (!changed.sameKeyAs(current.get())) {
                throw new IllegalArgumentException("An update may change a key's name, last use and revocation only;"
                        + " it tried to change more of key '" + id + "'.");
            }
            return changed.equals(current.get()) ? Change.keep(Optional.of(changed))
                    : Change.write(keys.with(List.of(changed)), Optional.of(changed));
        });
    }

    @Override
    public void touch(Map<ApiKeyId, Instant> lastUsed) {
        if (lastUsed.isEmpty()) {
            return;
        }
        file.change(keys -> {
            List<ApiKey> used = keys.usedAt(lastUsed);
            return used.isEmpty() ? Change.keep(null) : Change.write(keys.with(used), null);
        });
    }

    @Override
    public int revokeByOwner(Username owner, Instant at) {
        return file.change(keys -> {
            List<ApiKey> revoked = keys.all().stream().filter(k -> k.owner().equals(owner) && !k.isRevoked())
                    .map(k -> k.revoked(at)).toList();
            return revoked.isEmpty() ? Change.keep(0) : Change.write(keys.with(revoked), revoked.size());
        });
    }
}
