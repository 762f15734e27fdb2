package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.time.Times;
import dev.gatehouse.core.port.out.ApiKeyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers when keys were used, in memory, and writes them to the store in one batch per
 * {@link #flush()} (a server calls it every 30 seconds and on shutdown), so a busy key costs no
 * store write per request. Memory holds one entry per key used since the last flush.
 */
public final class LastUsedRecorder {

    private final ApiKeyStore keys;
    private final ConcurrentMap<ApiKeyId, Instant> pending = new ConcurrentHashMap<>();

    public LastUsedRecorder(ApiKeyStore keys) {
        this.keys = keys;
    }

    /**
     * Notes that {@code id} was used at {@code at}; the latest time per key wins, to the second: a
     * use within a second of one already noted changes nothing, so a busy key's checks only read here.
     */
    public void record(ApiKeyId id, Instant at) {
        Instant noted = pending.get(id);
        if (noted != null && at.isBefore(noted.plusSeconds(1))) {
            return;
        }
        pending.merge(id, Times.truncate(at), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** {@code key} with its use noted here but not yet written, if any: what a listing should show. */
    public ApiKey withUnwrittenUse(ApiKey key) {
        Instant at = pending.get(key.id());
        return at == null ? key : key.usedAt(at);
    }

    /** How many keys have a use not yet written. */
    public int pending() {
        return pending.size();
    }

    /**
     * Writes every use noted so far in one {@link ApiKeyStore#touch} and returns how many keys it
     * covered. If the store fails, the uses are kept for the next flush and the failure is thrown.
     */
    public int flush() {
        Map<ApiKeyId, Instant> batch = new HashMap<>();
        for (ApiKeyId id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            keys.touch(batch);
        } catch (RuntimeException failed) {
            batch.forEach(this::record);
            throw failed;
        }
        return batch.size();
    }
}
