package dev.gatehouse.core.service;

import dev.gatehouse.core.model.Permissions;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.StoreException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users' permission settings as {@link AuthorizeService} last read them, each with the store's
 * change count read just before ({@link PermissionStore#changeCount}), and reused only while the
 * store still tells that same count: a change from this process or another moves it, and the next
 * check reads again. A store without a count is read every time; a read that fails keeps nothing
 * and throws, so the check refuses.
 */
final class KeptRights {

    private static final int MAX_KEPT = 100_000;

    private final PermissionStore store;
    private final Map<Username, Kept> kept = new ConcurrentHashMap<>();

    KeptRights(PermissionStore store) {
        this.store = store;
    }

    /** The user's settings if read before and nothing in the store changed since; empty: {@link #read}. */
    Optional<Permissions> kept(Username user) {
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Kept last = kept.get(user);
        if (last == null) {
            return Optional.empty();
        }
        OptionalLong now = count();
        return now.isPresent() && now.getAsLong() == last.changeCount ? Optional.of(last.rights) : Optional.empty();
    }

    /** The user's settings ({@link Permissions#DEFAULT} without any): kept ones while unchanged, else read. */
    Permissions read(Username user) {
        OptionalLong before = count();
        if (before.isPresent()) {
            Kept last = kept.get(user);
            if (last != null && last.changeCount == before.getAsLong()) {
                return last.rights;
            }
        }
        Permissions rights;
        try {
            rights = store.find(user).orElse(Permissions.DEFAULT);
        } catch (RuntimeException e) {
            kept.remove(user);
            throw e;
        }
        if (before.isPresent()) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            // The count read before the store: a change made meanwhile shows as a new count next time.
            kept.put(user, new Kept(rights, before.getAsLong()));
        } else {
            kept.remove(user);
        }
        return rights;
    }

    /** The store's count; a store that cannot say (or fails saying it) keeps nothing usable. */
    private OptionalLong count() {
        try {
            return store.changeCount();
        } catch (StoreException e) {
            return OptionalLong.empty();
        }
    }

    private record Kept(Permissions rights, long changeCount) {
    }
}
