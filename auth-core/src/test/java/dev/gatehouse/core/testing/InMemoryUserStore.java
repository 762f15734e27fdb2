package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.UserStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A {@link UserStore} in a map: for service tests and as the reference the contract suite runs on. */
public final class InMemoryUserStore implements UserStore {

    private final ConcurrentMap<Username, User> users = new ConcurrentHashMap<>();

    @Override
    public Optional<User> find(Username username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public List<User> list() {
        return users.values().stream()
                .sorted(Comparator.comparing(User::createdAt).thenComparing(User::username))
                .toList();
    }

    @Override
    public List<User> page(Optional<Username> after, int limit) {
        return users.values().stream()
                .filter(u -> after.map(a -> u.username().compareTo(a) > 0).orElse(true))
                .sorted(Comparator.comparing(User::username))
                .limit(limit)
                .toList();
    }

    @Override
    public long count() {
        return users.size();
    }

    @Override
    public boolean insert(User user) {
        return users.putIfAbsent(user.username(), user) == null;
    }

    @Override
    public Optional<User> update(Username username, UnaryOperator<User> change) {
        return Optional.ofNullable(users.computeIfPresent(username, (name, current) -> change.apply(current)));
    }

    @Override
    public boolean delete(Username username) {
        return users.remove(username) != null;
    }

    @Override
    public Optional<User> deleteIf(Username username, Predicate<User> condition) {
        User[] removed = new User[1];
        users.computeIfPresent(username, (name, current) -> {
            removed[0] = condition.test(current) ? current : null;
            return removed[0] == null ? current : null;
        });
        return Optional.ofNullable(removed[0]);
    }
}
