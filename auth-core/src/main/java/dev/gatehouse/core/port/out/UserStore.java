package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Where accounts live.
 *
 * <p>Contract (checked by {@code UserStoreContract} in core's test-jar):
 * <ul>
 *   <li>Usernames are unique and case-sensitive; a user reads back equal to what was written
 *       (instants to the millisecond).</li>
 *   <li>{@link #insert} is atomic: of two concurrent inserts of one name exactly one wins, the
 *       other gets {@code false}; nothing is overwritten.</li>
 *   <li>{@link #update} is an atomic read-modify-write: concurrent updates from any number of
 *       threads or processes are all applied, none lost.</li>
 *   <li>{@link #deleteIf} tests and removes atomically: an update cannot fall between the two.</li>
 *   <li>A change is visible to every later call, also through another instance of the store
 *       opened on the same place (another process).</li>
 *   <li>Failures of the medium throw {@link StoreException} and leave the data as it was.</li>
 * </ul>
 */
public interface UserStore {

    /** The user with this name, if any. */
    Optional<User> find(Username username);

    /** Every user, oldest first (ties by name). */
    List<User> list();

    /**
     * Up to {@code limit} users whose names sort after {@code after} (all if empty), in name order
     * ({@link Username#compareTo}: code point order, the order of UTF-8 bytes, not a locale's
     * collation): for walking a large store in pages, as copying between stores does.
     */
    List<User> page(Optional<Username> after, int limit);

    /** How many users exist. */
    long count();

    /** Adds {@code user}; {@code false} (and no change) if the name is taken. */
    boolean insert(User user);

    /**
     * Replaces the user named with {@code change.apply(current)}, atomically. {@code change} may
     * run more than once (a store may retry after a conflict or a broken connection), so it must
     * not have effects beyond its result that a second run would not undo.
     *
     * @return the stored result, or empty (and no change) if there is no such user
     */
    Optional<User> update(Username username, UnaryOperator<User> change);

    /** Removes the user; {@code false} if there was none. */
    boolean delete(Username username);

    /**
     * Removes the user named if {@code condition} holds for them as stored, atomically with the
     * test: an {@link #update} from another thread or process happens wholly before (and is
     * tested) or finds no user. {@code condition} may run more than once, like {@code update}'s
     * change, and must have no other effects.
     *
     * @return the user as removed, or empty (and no change) if there is no such user or the
     *         condition does not hold
     */
    Optional<User> deleteIf(Username username, Predicate<User> condition);
}
