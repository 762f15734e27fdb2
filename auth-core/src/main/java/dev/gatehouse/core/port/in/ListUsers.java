package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Accounts, for administrators only: all of them oldest first, or one page at a time in name order. */
public interface ListUsers {

    /** The largest page {@link #page} gives. */
    int MAX_PAGE = 1000;

    /** Every account, oldest first. */
    Result list(Actor actor);

    /**
     * Up to {@code limit} (1 to {@link #MAX_PAGE}) accounts whose names sort after {@code after}
     * (from the first if empty), in name order ({@link Username#compareTo}), and how many exist.
     * A limit out of range is refused as {@link Refused.Reason#INVALID}.
     */
    Result page(Actor actor, Optional<Username> after, int limit);

    /** What happened. */
    sealed interface Result permits Listed, Page, Refused {
    }

    /** The accounts. */
    record Listed(List<User> users) implements Result {
        public Listed {
            users = List.copyOf(users);
        }
    }

    /**
     * One page: {@code next} is the name to pass as {@code after} for the following page, empty
     * when this page is the last; {@code total} counts every account.
     */
    record Page(List<User> users, Optional<Username> next, long total) implements Result {
        public Page {
            users = List.copyOf(users);
            Objects.requireNonNull(next, "next");
        }
    }
}
