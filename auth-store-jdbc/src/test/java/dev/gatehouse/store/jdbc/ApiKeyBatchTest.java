package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch of last uses larger than one transaction's share lands whole, in every part. */
class ApiKeyBatchTest {

    @TempDir
    Path directory;

    private static ApiKey withId(String id) {
        ApiKey key = Samples.apiKey("alice", Samples.T0);
        return new ApiKey(new ApiKeyId(id), key.owner(), key.name(), key.digest(), key.displayPrefix(), key.createdAt(),
                key.expiresAt(), key.lastUsedAt(), key.scopes(), key.revokedAt(), key.origin(), key.legacyVerifier());
    }

    @Test
    void aBatchOfTwelveHundredUsesReachesKeysAtItsStartMiddleAndEnd() {
        try (Stores stores = JdbcStores.open(JdbcSettings.parse("sqlite:" + directory.resolve("keys.db")))) {
            List<ApiKey> keys = List.of(withId("key-00000"), withId("key-00600"), withId("key-01199"));
            keys.forEach(stores.apiKeys()::insert);
            Map<ApiKeyId, Instant> uses = new HashMap<>();
            Instant at = Samples.T0.plusSeconds(30);
            for (int i = 0; i < 1200; i++) {
                uses.put(new ApiKeyId(String.format("key-%05d", i)), at);
            }

            stores.apiKeys().touch(uses);

            for (ApiKey key : keys) {
                assertEquals(Optional.of(at), stores.apiKeys().find(key.id()).orElseThrow().lastUsedAt(), key.id().value());
            }
        }
    }
}
