package dev.gatehouse.core.service.rights;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.service.support.KeptByCount;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Users' permission settings as {@link AuthorizeService} last read them, each with the store's
 * change count read just before ({@link PermissionStore#changeCount}), and reused only while the
 * store still tells that same count: a change from this process or another moves it, and the next
 * check reads again. A store without a count is read every time; a read that fails keeps nothing
 * and throws, so the check refuses.
 */
final class KeptRights {

    private final PermissionStore store;
    private final KeptByCount<Username, Permissions> kept = new KeptByCount<>();

    KeptRights(PermissionStore store) {
        this.store = store;
    }

    /** The user's settings if read before and nothing in the store changed since; empty: {@link #read}. */
    Optional<Permissions> kept(Username user) {
        return kept.isEmpty() ? Optional.empty() : kept.get(user, this::count);
    }

    /** The user's settings ({@link Permissions#DEFAULT} without any): kept ones while unchanged, else read. */
    Permissions read(Username user) {
        OptionalLong before = count();
        Optional<Permissions> last = kept.get(user, before);
        if (last.isPresent()) {
            return last.get();
        }
        Permissions rights;
        try {
            rights = store.find(user).orElse(Permissions.DEFAULT);
        } catch (RuntimeException e) {
            kept.remove(user);
            throw e;
        }
        kept.put(user, rights, before);
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
}
