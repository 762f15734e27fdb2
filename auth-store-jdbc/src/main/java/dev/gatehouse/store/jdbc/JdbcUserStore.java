package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.UserStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Users in a table. A taken name is refused by the database ({@code ON CONFLICT DO NOTHING}), never overwritten. */
final class JdbcUserStore implements UserStore {

    private final UserRepository users;
    private final Transactions transactions;
    private final Database database;

    JdbcUserStore(UserRepository users, Transactions transactions, Database database) {
        this.users = users;
        this.transactions = transactions;
        this.database = database;
    }

    @Override
    public Optional<User> find(Username username) {
        return transactions.read(() -> users.findById(username.value()).map(Rows::user));
    }

    @Override
    public List<User> list() {
        return transactions.read(() -> users.oldestFirst().stream().map(Rows::user).toList());
    }

    @Override
    public List<User> page(Optional<Username> after, int limit) {
        Pages.check(limit);
        return transactions.read(() -> after.map(name -> users.pageAfter(name.value(), limit))
                .orElseGet(() -> users.firstPage(limit)).stream().map(Rows::user).toList());
    }

    @Override
    public long count() {
        return transactions.read(users::countAll);
    }

    @Override
    public boolean insert(User user) {
        UserRow row = Rows.row(user);
        return transactions.write(() -> users.insertIfAbsent(row.username(), row.passwordHash(), row.roles(),
                row.status(), row.lockReason(), row.lockedAt(), row.createdAt(), row.lastLoginAt(),
                row.lastLoginIp(), row.email()) == 1);
    }

    /**
     * Read, change and write in one transaction. SQLite's writer already holds the database's write
     * lock; PostgreSQL locks the row ({@code FOR UPDATE}), so concurrent updates queue, none is lost.
     */
    @Override
    public Optional<User> update(Username username, UnaryOperator<User> change) {
        Objects.requireNonNull(change, "change");
        return transactions.write(() -> {
            Optional<UserRow> current = database == Database.POSTGRESQL
                    ? users.lockById(username.value()) : users.findById(username.value());
            if (current.isEmpty()) {
                return Optional.empty();
            }
            User changed = Objects.requireNonNull(change.apply(Rows.user(current.get())), "changed user");
            if (!changed.username().equals(username)) {
                throw new IllegalArgumentException("An update cannot rename user '" + username + "' to '"
                        + changed.username() + "'.");
            }
            UserRow row = Rows.row(changed);
            users.replace(row.username(), row.passwordHash(), row.roles(), row.status(), row.lockReason(),
                    row.lockedAt(), row.createdAt(), row.lastLoginAt(), row.lastLoginIp(), row.email());
            return Optional.of(changed);
        });
    }

    @Override
    public boolean delete(Username username) {
        return transactions.write(() -> users.remove(username.value()) == 1);
    }

    /** Read, test and delete in one transaction, holding the same locks as {@link #update}. */
    @Override
    public Optional<User> deleteIf(Username username, Predicate<User> condition) {
        Objects.requireNonNull(condition, "condition");
        return transactions.write(() -> {
            Optional<User> current = (database == Database.POSTGRESQL
                    ? users.lockById(username.value()) : users.findById(username.value())).map(Rows::user)
                    .filter(condition);
            if (current.isPresent()) {
                users.remove(username.value());
            }
            return current;
        });
    }
}
