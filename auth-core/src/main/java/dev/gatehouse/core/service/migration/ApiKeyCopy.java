package dev.gatehouse.core.service.migration;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.migration.CopyStores.Progress;
import dev.gatehouse.core.service.migration.CopyStoresResult.Counts;
import dev.gatehouse.core.service.migration.CopyWalk.Tally;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API key phase of {@link CopyStores}. A key is copied when the target has its owner as the
 * same account (same creation time as in the source) and, for a key checked by its digest, the
 * same token key: a digest under another key would match nothing. Unlike sessions, keys are never
 * deleted from a store (only revoked), so a key the target lacks was never there and is copied
 * also when its owner was copied by an earlier, interrupted run. A key the target has keeps the
 * target's state, except that a revocation in the source carries over: a revoked key stays revoked.
 */
final class ApiKeyCopy {

    /** Owners looked up at most this many at once: keys come in id order, owners in any order. */
    private static final int REMEMBERED_OWNERS = 1024;

    private final CopyWalk walker;
    private final Map<Username, Boolean> sameAccount = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Username, Boolean> eldest) {
            return size() > REMEMBERED_OWNERS;
        }
    };

    ApiKeyCopy(CopyWalk walker) {
        this.walker = walker;
    }

    Counts copy(Stores from, Stores to, boolean tokenKeyDiffers, Progress progress, List<String> warnings) {
        Tally tally = new Tally();
        long[] ownerMissing = {0};
        long[] digestUnusable = {0};
        ApiKeyStore target = to.apiKeys();
        walker.walk(CopyStores.API_KEYS, -1, progress, tally, from.apiKeys()::page, ApiKey::id,
                Comparator.naturalOrder(), key -> {
                    Optional<ApiKey> present = target.find(key.id());
                    if (present.isPresent()) {
                        carryRevocation(key, present.get(), target, tally);
                    } else if (tokenKeyDiffers && !key.digest().isEmpty()) {
                        tally.skipped++;
                        digestUnusable[0]++;
                    } else if (!sameAccount(key.owner(), from.users(), to.users())) {
                        tally.skipped++;
                        ownerMissing[0]++;
                    } else if (target.insert(key)) {
                        tally.copied++;
                    } else {
                        tally.alreadyPresent++; // its digest is another key's in the target: left alone
                    }
                });
        if (digestUnusable[0] > 0) {
            warnings.add(digestUnusable[0] + (digestUnusable[0] == 1 ? " API key was" : " API keys were")
                    + " not copied: the target has its own " + CopyStores.TOKEN_KEY + ", which would not recognise them."
                    + " Their owners need new keys, or copy into a store that has no " + CopyStores.TOKEN_KEY + " yet.");
        }
        if (ownerMissing[0] > 0) {
            warnings.add(ownerMissing[0] + (ownerMissing[0] == 1 ? " API key was" : " API keys were") + " not copied:"
                    + " the target does not have their owners as the same accounts (deleted, or another account of"
                    + " that name).");
        }
        return tally.counts();
    }

    private static void carryRevocation(ApiKey source, ApiKey present, ApiKeyStore target, Tally tally) {
        if (source.isRevoked() && !present.isRevoked()) {
            Instant at = source.revokedAt().get();
            if (target.update(source.id(), current -> current.revoked(at)).isPresent()) {
                tally.replaced++;
                return;
            }
        }
        tally.alreadyPresent++;
    }

    private boolean sameAccount(Username owner, UserStore from, UserStore to) {
        return sameAccount.computeIfAbsent(owner, name -> {
            Optional<Instant> created = from.find(name).map(User::createdAt);
            return created.isPresent() && to.find(name).map(User::createdAt).equals(created);
        });
    }
}
