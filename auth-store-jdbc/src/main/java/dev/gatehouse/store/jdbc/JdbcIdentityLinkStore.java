package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Links to providers' identities in a table keyed by (provider, subject): the database refuses a
 * second link of one identity ({@code ON CONFLICT DO NOTHING}), however many processes try at once.
 */
final class JdbcIdentityLinkStore implements IdentityLinkStore {

    private final IdentityLinkRepository links;
    private final Transactions transactions;
    private final Database database;

    JdbcIdentityLinkStore(IdentityLinkRepository links, Transactions transactions, Database database) {
        this.links = links;
        this.transactions = transactions;
        this.database = database;
    }

    @Override
    public boolean insert(IdentityLink link) {
        Objects.requireNonNull(link, "link");
        return transactions.write(() -> links.insertIfAbsent(link.provider().value(), link.subject(),
                link.username().value(), link.login(), link.email().orElse(null), link.linkedAt(),
                link.lastUsedAt().orElse(null)) == 1);
    }

    @Override
    public Optional<IdentityLink> find(ProviderName provider, String subject) {
        return transactions.read(() -> links.byKey(provider.value(), subject).map(JdbcIdentityLinkStore::link));
    }

    @Override
    public List<IdentityLink> listFor(Username username) {
        return transactions.read(() -> links.byUsername(username.value()).stream().map(JdbcIdentityLinkStore::link).toList());
    }

    @Override
    public List<IdentityLink> page(Optional<Key> after, int limit) {
        Pages.check(limit);
        return transactions.read(() -> after.map(key -> links.pageAfter(key.provider().value(), key.subject(), limit))
                .orElseGet(() -> links.firstPage(limit)).stream().map(JdbcIdentityLinkStore::link).toList());
    }

    /**
     * Read, change and write in one transaction. SQLite's writer already holds the database's write
     * lock; PostgreSQL locks the row ({@code FOR UPDATE}), so concurrent updates queue, none is lost.
     */
    @Override
    public Optional<IdentityLink> update(ProviderName provider, String subject, UnaryOperator<IdentityLink> change) {
        Objects.requireNonNull(change, "change");
        return transactions.write(() -> {
            Optional<IdentityLinkRow> row = database == Database.POSTGRESQL
                    ? links.lockByKey(provider.value(), subject) : links.byKey(provider.value(), subject);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            IdentityLink current = link(row.get());
            IdentityLink changed = Objects.requireNonNull(change.apply(current), "changed link");
            if (!Key.of(changed).equals(Key.of(current)) || !changed.username().equals(current.username())) {
                throw new IllegalArgumentException("An update cannot move the " + provider + " identity '" + subject
                        + "' of '" + current.username() + "' to another identity or account.");
            }
            links.replace(provider.value(), subject, changed.login(), changed.email().orElse(null), changed.linkedAt(),
                    changed.lastUsedAt().orElse(null));
            return Optional.of(changed);
        });
    }

    @Override
    public boolean delete(ProviderName provider, String subject, Username username) {
        return transactions.write(() -> links.remove(provider.value(), subject, username.value()) == 1);
    }

    @Override
    public int deleteAllFor(Username username) {
        return transactions.write(() -> links.removeAllFor(username.value()));
    }

    private static IdentityLink link(IdentityLinkRow row) {
        return new IdentityLink(ProviderName.of(row.provider()), row.subject(), Username.of(row.username()), row.login(),
                Optional.ofNullable(row.email()), row.linkedAt(), Optional.ofNullable(row.lastUsedAt()));
    }
}
