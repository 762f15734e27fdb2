package dev.gatehouse.http.api.apikeys;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ListUsers;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whom an administrator can make a key for: the active users, in name order, as the key listing
 * of {@code GET /api/tokens} names them all and the {@code /tokens} page's owner picker offers them.
 */
@Singleton
public class KeyOwners {

    /** Read every account (the API's listing). */
    static final int ALL = Integer.MAX_VALUE;

    private final ListUsers listUsers;

    KeyOwners(ListUsers listUsers) {
        this.listUsers = listUsers;
    }

    /**
     * The active users among the first {@code limit} accounts in name order; {@code complete}
     * when no account was left unread. Empty when {@code actor} may not list users.
     */
    public Optional<Found> active(Actor actor, int limit) {
        List<User> users = new ArrayList<>();
        Optional<Username> after = Optional.empty();
        long read = 0;
        while (true) {
            int size = (int) Math.min(ListUsers.MAX_PAGE, limit - read);
            if (!(listUsers.page(actor, after, size) instanceof ListUsers.Page page)) {
                return after.isEmpty() ? Optional.empty() : Optional.of(new Found(users, false));
            }
            read += page.users().size();
            page.users().stream().filter(u -> u.status().isActive()).forEach(users::add);
            if (page.next().isEmpty() || read >= limit) {
                return Optional.of(new Found(users, page.next().isEmpty()));
            }
            after = page.next();
        }
    }

    /** The active users found, and whether every account was read. */
    public record Found(List<User> users, boolean complete) {

        /** Their names, for the page. */
        public List<String> names() {
            return users.stream().map(u -> u.username().value()).toList();
        }
    }
}
