package dev.gatehouse.core.contract;

import static dev.gatehouse.core.contract.Samples.T0;
import static dev.gatehouse.core.contract.Samples.apiKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.out.ApiKeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ApiKeyStore} must have. */
public abstract class ApiKeyStoreContract {

    private static final Username ALICE = Username.of("alice");

    /** The store under test, on a fresh, empty place: the same instance throughout one test. */
    protected abstract ApiKeyStore store();

    /** Another instance opened on the same place, as another process would. */
    protected abstract ApiKeyStore secondInstance();

    private static ApiKey withId(ApiKey key, String id) {
        return new ApiKey(new ApiKeyId(id), key.owner(), key.name(), key.digest(), key.displayPrefix(), key.createdAt(),
                key.expiresAt(), key.lastUsedAt(), key.scopes(), key.revokedAt(), key.origin(), key.legacyVerifier());
    }

    @Test
    void aKeyIsFoundByIdAndByDigestThroughAnotherInstance() {
        ApiKey key = apiKey("alice", T0);
        assertTrue(store().insert(key));
        assertEquals(Optional.of(key), secondInstance().find(key.id()));
        assertEquals(Optional.of(key), secondInstance().findByDigest(key.digest()));
        assertEquals(Optional.empty(), secondInstance().findByDigest("0".repeat(64)));
        assertEquals(Optional.empty(), secondInstance().find(new ApiKeyId("nosuchkey")));
    }

    @Test
    void everyFieldReadsBackAsWritten() {
        List<ApiKey> keys = List.of(Samples.fullApiKey("alice"), Samples.importedApiKey("bob"), apiKey("\u00e9lodie", T0));
        keys.forEach(key -> assertTrue(store().insert(key)));
        for (ApiKey key : keys) {
            assertEquals(Optional.of(key), secondInstance().find(key.id()), key.toString());
        }
    }

    @Test
    void aTakenIdOrDigestIsRefusedAndNothingIsOverwritten() {
        ApiKey first = apiKey("alice", T0);
        store().insert(first);
        ApiKey sameId = withId(apiKey("bob", T0), first.id().value());
        ApiKey sameDigest = new ApiKey(new ApiKeyId("otherkey0001"), ALICE, "copy", first.digest(), "gate_x", T0,
                Optional.empty(), Optional.empty(), java.util.Set.of(), Optional.empty(), ApiKey.Origin.MINTED,
                Optional.empty());
        assertFalse(secondInstance().insert(sameId));
        assertFalse(secondInstance().insert(sameDigest));
        assertEquals(Optional.of(first), store().find(first.id()));
        assertEquals(Optional.empty(), store().find(sameDigest.id()));
    }

    @Test
    void importedKeysWithoutADigestMayBeManyAndAreNeverFoundByDigest() {
        ApiKey one = Samples.importedApiKey("alice");
        ApiKey two = Samples.importedApiKey("alice");
        assertTrue(store().insert(one));
        assertTrue(secondInstance().insert(two));
        assertEquals(Optional.empty(), store().findByDigest(""));
        assertEquals(Optional.of(two), store().find(two.id()));
    }

    @Test
    void theStoreSaysWhetherAnyKeyWasImportedWithADigest() {
        assertFalse(store().holdsImportedDigests(), "empty");
        store().insert(apiKey("alice", T0));
        store().insert(Samples.importedApiKey("alice"));
        assertFalse(store().holdsImportedDigests(), "minted keys and llmux v2 keys (no digest) do not count");
        ApiKey plain = Samples.importedPlainKey("alice");
        assertTrue(secondInstance().insert(plain));
        assertTrue(store().holdsImportedDigests(), "seen through the other instance too");
        assertEquals(Optional.of(plain), store().findByDigest(plain.digest()));
    }

    @Test
    void anOwnersKeysAreListedNewestFirstWithRevokedOnesIncluded() {
        ApiKey older = apiKey("alice", T0);
        ApiKey newer = apiKey("alice", T0.plusSeconds(10));
        ApiKey revoked = apiKey("alice", T0.plusSeconds(5)).revoked(T0.plusSeconds(20));
        Stream.of(older, newer, revoked, apiKey("bob", T0), apiKey("Alice", T0)).forEach(store()::insert);
        assertEquals(List.of(newer, revoked, older), secondInstance().listByOwner(ALICE));
        assertEquals(List.of(), secondInstance().listByOwner(Username.of("carol")));
    }

    @Test
    void pagesWalkEveryKeyOnceInIdOrder() {
        List<ApiKey> inserted = new ArrayList<>();
        for (String id : List.of("key-0001", "KEY_0002", "key_0003", "Key-0004", "0key0005", "zzzz0006", "-aaa0007")) {
            ApiKey key = withId(apiKey("user" + id.length(), T0), id);
            store().insert(key);
            inserted.add(key);
        }
        inserted.sort(Comparator.comparing(ApiKey::id));
        List<ApiKey> first = secondInstance().page(Optional.empty(), 4);
        List<ApiKey> rest = secondInstance().page(Optional.of(first.get(3).id()), 4);
        assertEquals(inserted, Stream.concat(first.stream(), rest.stream()).toList());
        assertEquals(List.of(), secondInstance().page(Optional.of(inserted.get(6).id()), 4));
    }

    @Test
    void anUpdateRenamesAndReturnsWhatIsStored() {
        ApiKey key = apiKey("alice", T0);
        store().insert(key);
        Optional<ApiKey> renamed = secondInstance().update(key.id(), k -> k.withName("laptop"));
        assertEquals(Optional.of(key.withName("laptop")), renamed);
        assertEquals(renamed, store().find(key.id()));
        assertEquals(Optional.empty(), store().update(new ApiKeyId("nosuchkey"), k -> k.withName("x")));
    }

    @Test
    void anUpdateThatChangesMoreThanNameUseOrRevocationIsRefused() {
        ApiKey key = apiKey("alice", T0);
        store().insert(key);
        ApiKey otherOwner = new ApiKey(key.id(), Username.of("bob"), key.name(), key.digest(), key.displayPrefix(),
                key.createdAt(), key.expiresAt(), key.lastUsedAt(), key.scopes(), key.revokedAt(), key.origin(),
                key.legacyVerifier());
        assertThrows(IllegalArgumentException.class, () -> store().update(key.id(), k -> otherOwner));
        assertThrows(IllegalArgumentException.class, () -> store().update(key.id(), k -> withId(k, "renamedid")));
        assertEquals(Optional.of(key), secondInstance().find(key.id()));
    }

    @Test
    void concurrentUpdatesFromTwoInstancesAreAllApplied() throws Exception {
        ApiKey key = apiKey("alice", T0).withName("k");
        store().insert(key);
        Concurrently.run(8, i -> {
            ApiKeyStore instance = i % 2 == 0 ? store() : secondInstance();
            for (int n = 0; n < 5; n++) {
                instance.update(key.id(), k -> k.withName(k.name() + (char) ('a' + i)));
            }
            return null;
        });
        String name = store().find(key.id()).orElseThrow().name();
        assertEquals(41, name.length(), name);
        for (int i = 0; i < 8; i++) {
            char letter = (char) ('a' + i);
            assertEquals(5, name.chars().filter(c -> c == letter).count(), name);
        }
    }

    @Test
    void touchingRecordsLastUseOfManyKeysAtOnceAndNeverMovesItBack() {
        ApiKey one = apiKey("alice", T0);
        ApiKey two = apiKey("bob", T0);
        store().insert(one);
        store().insert(two);
        Instant later = T0.plusSeconds(60);
        store().touch(Map.of(one.id(), later, two.id(), T0.plusSeconds(30), new ApiKeyId("nosuchkey"), later));
        store().touch(Map.of(one.id(), T0.plusSeconds(10)));
        assertEquals(Optional.of(later), secondInstance().find(one.id()).orElseThrow().lastUsedAt());
        assertEquals(Optional.of(T0.plusSeconds(30)), secondInstance().find(two.id()).orElseThrow().lastUsedAt());
        assertEquals(Optional.empty(), secondInstance().find(new ApiKeyId("nosuchkey")));
        store().touch(Map.of());
    }

    @Test
    void revokingByOwnerCountsOnlyNewlyRevokedKeysAndKeepsEarlierRevocations() {
        ApiKey live = apiKey("alice", T0);
        ApiKey revokedBefore = apiKey("alice", T0).revoked(T0.plusSeconds(5));
        ApiKey bobs = apiKey("bob", T0);
        Stream.of(live, revokedBefore, bobs).forEach(store()::insert);
        Instant now = T0.plusSeconds(100);
        assertEquals(1, secondInstance().revokeByOwner(ALICE, now));
        assertEquals(0, secondInstance().revokeByOwner(ALICE, now.plusSeconds(1)));
        assertEquals(Optional.of(now), store().find(live.id()).orElseThrow().revokedAt());
        assertEquals(Optional.of(T0.plusSeconds(5)), store().find(revokedBefore.id()).orElseThrow().revokedAt());
        assertFalse(store().find(bobs.id()).orElseThrow().isRevoked());
    }

    @Test
    void aRevocationThroughOneInstanceIsSeenAtOnceByTheOther() {
        ApiKey key = apiKey("alice", T0);
        store().insert(key);
        assertFalse(store().findByDigest(key.digest()).orElseThrow().isRevoked());
        secondInstance().revokeByOwner(ALICE, T0.plusSeconds(1));
        assertTrue(store().findByDigest(key.digest()).orElseThrow().isRevoked());
    }

    @Test
    void ofConcurrentInsertsOfOneIdExactlyOneWins() throws Exception {
        List<Boolean> won = Concurrently.run(8, i -> (i % 2 == 0 ? store() : secondInstance())
                .insert(withId(apiKey("user" + i, T0), "contested01")));
        assertEquals(1, won.stream().filter(Boolean::booleanValue).count());
    }
}
