package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.Permissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where each user's own permission settings live (features turned on or off, allowed models): at
 * most one record per username. A user without one has the operator's defaults; the use cases
 * apply them, not the store.
 *
 * <p>Contract (checked by {@code PermissionStoreContract} in core's test-jar):
 * <ul>
 *   <li>A record reads back equal to what was written: the same feature settings and the same
 *       models, in the same order, with "all models" kept apart from an empty list.</li>
 *   <li>{@link #put} replaces the user's record whole; a reader sees the old record or the new
 *       one, never a mix.</li>
 *   <li>Names are case-sensitive, as {@link Username}s are: "alice" and "Alice" have one each.</li>
 *   <li>A change is visible to the very next call, also through another instance of the store
 *       opened on the same place (another process): permissions are checked on every request
 *       and a change must apply to the next one.</li>
 *   <li>The store does not check that the user exists nor which features the operator offers;
 *       removing a user's record with the user is the use case's job. Failures of the medium
 *       (and a corrupt file) throw {@link StoreException} and leave every record as it was; a
 *       caller that checks rights must then refuse.</li>
 *   <li>A store that tells a {@link #changeCount} moves it for every change, through any instance.</li>
 * </ul>
 */
public interface PermissionStore {

    /** The user's own settings, if an administrator made any. */
    Optional<Permissions> find(Username username);

    /** Stores {@code permissions} as the user's, replacing any they had. */
    void put(Username username, Permissions permissions);

    /** Removes the user's settings (they follow the defaults again); {@code false} if they had none. */
    boolean remove(Username username);

    /** Every user's settings, in name order: for copying a store. */
    Map<Username, Permissions> all();

    /** The users who have settings, in name order. */
    default List<Username> usernames() {
        return List.copyOf(all().keySet());
    }

    /**
     * A number that changes whenever any user's settings in this store's place may have changed,
     * by this process or any other, so a check may keep the settings it read while the number stays
     * the same (as {@link ApiKeyStore#changeCount} for keys). Empty when the store cannot tell
     * cheaply: then every check reads the store. It must be much cheaper than {@link #find}; after
     * {@link #put} or {@link #remove} through this instance returns it has moved, and another
     * instance's change moves it within a few milliseconds at most.
     */
    default OptionalLong changeCount() {
        return OptionalLong.empty();
    }
}
