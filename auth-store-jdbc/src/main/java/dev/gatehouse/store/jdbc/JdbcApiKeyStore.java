package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.time.Times;
import dev.gatehouse.core.port.out.ApiKeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * API keys in a table, found through the unique index on the digest. An id or digest that is
 * taken is refused by the database ({@code ON CONFLICT DO NOTHING}). Last-use batches run in id
 * order, so two nodes flushing at once never deadlock on PostgreSQL, in transactions of a few
 * hundred updates, so a large batch never holds SQLite's write lock for long (a batch cut short by
 * a failure is simply written again: last use never moves back). On SQLite last use is written
 * through the change count's own connection, so it does not undo this process's kept key checks.
 */
final class JdbcApiKeyStore implements ApiKeyStore {

    private static final int TOUCHES_PER_TRANSACTION = 500;

    private final ApiKeyRepository keys;
    private final Transactions transactions;
    private final Database database;
    private final SqliteChangeCount changes;

    /** {@code changes} is null for PostgreSQL, which has no cheap equivalent (yet). */
    JdbcApiKeyStore(ApiKeyRepository keys, Transactions transactions, Database database, SqliteChangeCount changes) {
        this.keys = keys;
        this.transactions = transactions;
        this.database = database;
        this.changes = changes;
    }

    /** SQLite's data version covers the whole file: keys and the users table beside them. */
    @Override
    public OptionalLong changeCount() {
        return changes == null ? OptionalLong.empty() : changes.current();
    }

    @Override
    public boolean insert(ApiKey key) {
        ApiKeyRow row = Rows.row(key);
        return transactions.write(() -> keys.insertIfAbsent(row.id(), row.digest(), row.owner(), row.name(),
                row.displayPrefix(), row.createdAt(), row.expiresAt(), row.lastUsedAt(), row.scopes(), row.revokedAt(),
                row.origin(), row.legacyVerifier()) == 1);
    }

    @Override
    public Optional<ApiKey> find(ApiKeyId id) {
        return transactions.read(() -> keys.byId(id.value()).map(Rows::apiKey));
    }

    @Override
    public Optional<ApiKey> findByDigest(String digest) {
        if (digest.isEmpty()) {
            return Optional.empty();
        }
        return transactions.read(() -> keys.byDigest(digest).map(Rows::apiKey));
    }

    @Override
    public List<ApiKey> listByOwner(Username owner) {
        return transactions.read(() -> keys.byOwner(owner.value()).stream().map(Rows::apiKey).toList());
    }

    @Override
    public List<ApiKey> page(Optional<ApiKeyId> after, int limit) {
        Pages.check(limit);
        return transactions.read(() -> after.map(id -> keys.pageAfter(id.value(), limit))
                .orElseGet(() -> keys.firstPage(limit)).stream().map(Rows::apiKey).toList());
    }

    /** Read, change and write in one transaction; PostgreSQL locks the row, SQLite's writer holds the database. */
    @Override
    public Optional<ApiKey> update(ApiKeyId id, UnaryOperator<ApiKey> change) {
        Objects.requireNonNull(change, "change");
        return transactions.write(() -> {
            Optional<ApiKeyRow> row = database == Database.POSTGRESQL ? keys.lockById(id.value()) : keys.byId(id.value());
            if (row.isEmpty()) {
                return Optional.empty();
            }
            ApiKey current = Rows.apiKey(row.get());
            ApiKey changed = Objects.requireNonNull(change.apply(current), "changed key");
            if (!changed.sameKeyAs(current)) {
                throw new IllegalArgumentException("An update may change a key's name, last use and revocation only;"
                        + " it tried to change more of key '" + id + "'.");
            }
            keys.change(id.value(), changed.name(), changed.lastUsedAt().orElse(null), changed.revokedAt().orElse(null));
            return Optional.of(changed);
        });
    }

    @Override
    public void touch(Map<ApiKeyId, Instant> lastUsed) {
        if (lastUsed.isEmpty()) {
            return;
        }
        List<Map.Entry<ApiKeyId, Instant>> inOrder = List.copyOf(new TreeMap<>(lastUsed).entrySet());
        for (int from = 0; from < inOrder.size(); from += TOUCHES_PER_TRANSACTION) {
            List<Map.Entry<ApiKeyId, Instant>> chunk =
                    inOrder.subList(from, Math.min(inOrder.size(), from + TOUCHES_PER_TRANSACTION));
            if (changes != null && changes.writeUnnoticed(connection -> touchAll(connection, chunk))) {
                continue;
            }
            transactions.write(() -> {
                chunk.forEach(use -> keys.touch(use.getKey().value(), Times.truncate(use.getValue())));
                return null;
            });
        }
    }

    /** The SQLite batch of {@link #touch}, for the change count's own connection (see {@link SqliteChangeCount}). */
    private static void touchAll(Connection connection, List<Map.Entry<ApiKeyId, Instant>> uses) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
            for (Map.Entry<ApiKeyId, Instant> use : uses) {
                long at = Times.truncate(use.getValue()).toEpochMilli();
                update.setLong(1, at);
                update.setString(2, use.getKey().value());
                update.setLong(3, at);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    @Override
    public boolean holdsImportedDigests() {
        return transactions.read(keys::importedWithDigest) > 0;
    }

    @Override
    public int revokeByOwner(Username owner, Instant at) {
        Instant when = Times.truncate(at);
        return transactions.write(() -> keys.revokeByOwner(owner.value(), when));
    }
}
