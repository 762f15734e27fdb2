package dev.gatehouse.bench;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.service.apikeys.ApiKeyFormat;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.store.jdbc.Database;
import dev.gatehouse.store.jdbc.JdbcSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmarks' API keys as core model records — minted {@code gate_} keys from core's
 * {@link ApiKeyFormat}, stored as their digest under the store's key ({@link TokenDigests}), as
 * minting makes them — written with batched inserts into the {@code api_keys} table the store's
 * migrations made, in the encoding the JDBC store uses. The keys are spread evenly over users
 * {@link ServerSeed} wrote before ({@link ServerSeed#username} 0 to owners - 1).
 *
 * <p>Fast enough for a million keys (about 25 s): the random ids are made first and written in
 * order, so the table grows at its end; on SQLite the table's indexes are dropped for the load and
 * made again afterwards from their own {@code CREATE INDEX} text, one sort each instead of a
 * million random inserts. The result is the schema the migrations made, with B-trees packed
 * tighter than a store that grew key by key.
 */
final class KeySeed {

    private static final int BATCH = 5_000;
    private static final int PER_TRANSACTION = 100_000;

    private final int keys;
    private final int owners;
    private final int kept;
    private final TokenDigests tokens;
    private final SecureRandomSource random;

    /** {@code keys} keys over {@code owners} users; {@link #load} returns the secrets of {@code kept} of them. */
    KeySeed(int keys, int owners, int kept, TokenDigests tokens, SecureRandomSource random) {
        if (keys < 1 || owners < 1 || kept < 0 || kept > keys) {
            throw new IllegalArgumentException("Seed at least one key over at least one user and keep at most every"
                    + " key's secret; was " + keys + " keys, " + owners + " users, " + kept + " kept.");
        }
        this.keys = keys;
        this.owners = owners;
        this.kept = kept;
        this.tokens = tokens;
        this.random = random;
    }

    /** The owner of key {@code i}: keys go to users in equal runs, key 0 to user 0, the last to the last. */
    static int owner(int i, int keys, int owners) {
        return (int) ((long) i * owners / keys);
    }

    /**
     * Writes the keys, created at {@code createdAt} (not before their owners), and returns the
     * secrets of {@code kept} of them, spread evenly over the keys (and so over ids and owners).
     */
    List<String> load(JdbcSettings settings, Instant createdAt, ScaleData.Progress progress) throws SQLException {
        List<String> secrets = new ArrayList<>(kept);
        int stride = kept == 0 ? Integer.MAX_VALUE : keys / kept;
        String[] ids = sortedIds();
        try (Connection connection = ServerSeed.connect(settings)) {
            Map<String, String> indexes = settings.database() == Database.SQLITE ? dropIndexes(connection) : Map.of();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_keys (id, digest, owner, name,"
                    + " display_prefix, created_at, expires_at, last_used_at, scopes, revoked_at, origin, legacy_verifier)"
                    + " VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, ?, NULL)")) {
                for (int i = 0; i < keys; i++) {
                    String secret = ApiKeyFormat.newKey(random);
                    ApiKey key = new ApiKey(new ApiKeyId(ids[i]), Username.of(ServerSeed.username(owner(i, keys, owners))),
                            "bench key " + i, tokens.digest(secret), ApiKeyFormat.displayPrefix(secret), createdAt,
                            Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), ApiKey.Origin.MINTED,
                            Optional.empty());
                    insert.setString(1, key.id().value());
                    insert.setString(2, key.digest());
                    insert.setString(3, key.owner().value());
                    insert.setString(4, key.name());
                    insert.setString(5, key.displayPrefix());
                    insert.setTimestamp(6, Timestamp.from(key.createdAt()));
                    insert.setString(7, String.join(",", key.scopes()));
                    insert.setString(8, key.origin().name().toLowerCase(Locale.ROOT));
                    insert.addBatch();
                    if (i % stride == 0 && secrets.size() < kept) {
                        secrets.add(secret);
                    }
                    if ((i + 1) % BATCH == 0 || i == keys - 1) {
                        insert.executeBatch();
                    }
                    if ((i + 1) % PER_TRANSACTION == 0 || i == keys - 1) {
                        connection.commit();
                        progress.report("api_keys", i + 1, keys);
                    }
                }
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (String create : indexes.values()) {
                    statement.execute(create);
                }
                progress.report("api_keys indexes", indexes.size(), indexes.size());
                statement.execute(settings.database() == Database.SQLITE ? "ANALYZE" : "ANALYZE api_keys");
            }
        }
        return secrets;
    }

    /** Fresh key ids, as minting makes them, in the order the table keeps them. */
    private String[] sortedIds() {
        String[] ids = new String[keys];
        for (int i = 0; i < keys; i++) {
            ids[i] = ApiKeyFormat.newId(random).value();
        }
        Arrays.sort(ids);
        return ids;
    }

    /** Drops the indexes of {@code api_keys} and returns each one's name and {@code CREATE INDEX} text. */
    private static Map<String, String> dropIndexes(Connection connection) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                    + " AND tbl_name = 'api_keys' AND sql IS NOT NULL")) {
                while (rows.next()) {
                    indexes.put(rows.getString(1), rows.getString(2));
                }
            }
            for (String name : indexes.keySet()) {
                statement.execute("DROP INDEX \"" + name + "\"");
            }
        }
        return indexes;
    }
}
