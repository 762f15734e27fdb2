package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.UserStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** One atomic {@link UserStore#update}, with the user as stored just before it and as stored after. */
public record UserChange(User before, User after) {

    /**
     * Applies {@code change} to the user named; empty if there is none. {@code before} is what the
     * change's last run saw: a store may run it more than once, and only the last run is stored.
     */
    public static Optional<UserChange> apply(UserStore users, Username username, UnaryOperator<User> change) {
        AtomicReference<User> before = new AtomicReference<>();
        return users.update(username, current -> {
            before.set(current);
            return change.apply(current);
        }).map(after -> new UserChange(before.get(), after));
    }
}
