package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Which provider identities sign in to which account.
 *
 * <p>Contract (checked by {@code IdentityLinkStoreContract} in core's test-jar):
 * <ul>
 *   <li>A (provider, subject) pair is linked to at most one account; a link reads back equal to
 *       what was written (instants to the millisecond). Subjects are case-sensitive.</li>
 *   <li>{@link #insert} is atomic: of two concurrent inserts of one pair, from threads or
 *       processes, exactly one wins and the other gets {@code false}; nothing is overwritten.</li>
 *   <li>{@link #update} is an atomic read-modify-write of one link; it cannot change the pair or
 *       the account (a change that tries is refused with {@link IllegalArgumentException}).</li>
 *   <li>{@link #delete} removes a link only from the account named, so a stale page cannot
 *       remove someone else's.</li>
 *   <li>A change is visible to every later call, also through another instance of the store
 *       opened on the same place (another process).</li>
 *   <li>Failures of the medium throw {@link StoreException} and leave the links as they were.</li>
 * </ul>
 */
public interface IdentityLinkStore {

    /** Adds {@code link}; {@code false} (and no change) if its provider and subject are linked already. */
    boolean insert(IdentityLink link);

    /** The link of this subject at this provider, if any. */
    Optional<IdentityLink> find(ProviderName provider, String subject);

    /** The links of one account, oldest first (ties by provider, then subject). */
    List<IdentityLink> listFor(Username username);

    /**
     * Up to {@code limit} links after {@code after} (from the first if empty) in (provider,
     * subject) order, subjects compared as strings: for copying between stores and for listings.
     */
    List<IdentityLink> page(Optional<Key> after, int limit);

    /**
     * Replaces the link with {@code change.apply(current)}, atomically ({@code change} may run more
     * than once and must have no other effects).
     *
     * @return the stored result, or empty (and no change) if there is no such link
     */
    Optional<IdentityLink> update(ProviderName provider, String subject, UnaryOperator<IdentityLink> change);

    /** Removes the link if it belongs to {@code username}; {@code false} if there was none. */
    boolean delete(ProviderName provider, String subject, Username username);

    /** Removes every link of {@code username} (the account is being removed); how many there were. */
    int deleteAllFor(Username username);

    /** Where a page of links starts: the last (provider, subject) of the page before. */
    record Key(ProviderName provider, String subject) {
        public static Key of(IdentityLink link) {
            return new Key(link.provider(), link.subject());
        }
    }
}
