package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import java.time.Instant;
import java.util.Optional;

/**
 * Where users' avatars live: at most one per username.
 *
 * <p>Contract (checked by {@code AvatarStoreContract} in core's test-jar):
 * <ul>
 *   <li>An avatar reads back equal to what was written: the same bytes (up to
 *       {@link Avatar#MAX_BYTES}), media type and {@code updatedAt} to the millisecond.</li>
 *   <li>{@link #put} replaces whatever the user had, also an avatar of another media type; a
 *       reader sees the old avatar or the new one, never a mix or half an image.</li>
 *   <li>Names are case-sensitive, as {@link Username}s are: "alice" and "Alice" have one each.</li>
 *   <li>The store keeps no reference to the caller's arrays and hands out none of its own
 *       ({@link Avatar} copies its bytes).</li>
 *   <li>A change is visible to every later call, also through another instance of the store
 *       opened on the same place (another process).</li>
 *   <li>The store does not check that the user exists; removing a user's avatar with the user is
 *       the use case's job. Failures of the medium throw {@link StoreException} and leave the
 *       avatar as it was.</li>
 * </ul>
 */
public interface AvatarStore {

    /** Stores {@code avatar} as its user's, replacing any they had. */
    void put(Avatar avatar);

    /** The user's avatar, if they have one. */
    Optional<Avatar> find(Username username);

    /**
     * When the user's avatar was last changed, as {@link #find} would say, without reading the
     * image: enough to answer a conditional request. Stores override it where that is cheaper.
     */
    default Optional<Instant> updatedAt(Username username) {
        return find(username).map(Avatar::updatedAt);
    }

    /** Removes the user's avatar; {@code false} if they had none. */
    boolean delete(Username username);
}
