package dev.gatehouse.store.json;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.store.json.StoreFile.Change;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Users in llms.py's users.json, readable and writable by llms.py and Gatehouse alike. */
final class JsonUserStore implements UserStore {

    private final StoreFile<UsersDocument> file;

    JsonUserStore(StoreDirectory directory) {
        this.file = new StoreFile<>(directory, UsersDocument.FILE_NAME, UsersDocument.CODEC, false);
    }

    @Override
    public Optional<User> find(Username username) {
        return file.read().find(username);
    }

    @Override
    public List<User> list() {
        return file.read().oldestFirst();
    }

    @Override
    public List<User> page(Optional<Username> after, int limit) {
        return Pages.after(file.read().byName(), User::username, Comparator.naturalOrder(), after, limit);
    }

    @Override
    public long count() {
        return file.read().count();
    }

    @Override
    public boolean insert(User user) {
        Objects.requireNonNull(user, "user");
        return file.change(users -> users.find(user.username()).isPresent()
                ? Change.keep(false)
                : Change.write(users.with(user), true));
    }

    @Override
    public Optional<User> update(Username username, UnaryOperator<User> change) {
        return file.change(users -> {
            Optional<User> current = users.find(username);
            if (current.isEmpty()) {
                return Change.keep(Optional.empty());
            }
            User next = Objects.requireNonNull(change.apply(current.get()), "the changed user");
            if (!next.username().equals(username)) {
                throw new IllegalArgumentException("An update cannot rename a user: '" + username
                        + "' became '" + next.username() + "'. Add the new user and remove the old one instead.");
            }
            return next.equals(current.get()) ? Change.keep(current)
                    : Change.write(users.with(next), Optional.of(next));
        });
    }

    @Override
    public boolean delete(Username username) {
        return file.change(users -> users.find(username).isPresent()
                ? Change.write(users.without(username), true)
                : Change.keep(false));
    }

    @Override
    public Optional<User> deleteIf(Username username, Predicate<User> condition) {
        return file.change(users -> {
            Optional<User> current = users.find(username).filter(condition);
            return current.isPresent() ? Change.write(users.without(username), current) : Change.keep(current);
        });
    }
}
