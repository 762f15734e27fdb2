package dev.gatehouse.core.service.identities;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.port.out.UserStore;
import java.util.Optional;

/**
 * Whose account a link leads into. A link names its account by username, and names can be used
 * again: a link made before its account was created belongs to an earlier account of that name
 * (removed since) and leads nowhere, so the next person given the name does not inherit it.
 */
final class LinkOwner {

    private LinkOwner() {
    }

    /** True if {@code link} is a way into {@code user}'s account as it is now. */
    static boolean belongsTo(IdentityLink link, User user) {
        return link.username().equals(user.username()) && !user.createdAt().isAfter(link.linkedAt());
    }

    /** The account {@code link} leads into, if it still exists. */
    static Optional<User> of(UserStore users, IdentityLink link) {
        return users.find(link.username()).filter(user -> belongsTo(link, user));
    }
}
