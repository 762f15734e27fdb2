package dev.gatehouse.bench;

import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.store.jdbc.Database;
import dev.gatehouse.store.jdbc.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The HTTP benchmark's users and sessions as core model records, written with batched inserts
 * into the tables the store's migrations made, in the encoding the JDBC store uses (roles as
 * labels, status in lower case, instants as timestamps).
 */
final class ServerSeed {

    private static final int BATCH = 5_000;

    private final int users;
    private final String passwordHash;
    private final TokenDigests tokens;
    private final SessionPolicy policy;

    ServerSeed(int users, String passwordHash, TokenDigests tokens, SessionPolicy policy) {
        this.users = users;
        this.passwordHash = passwordHash;
        this.tokens = tokens;
        this.policy = policy;
    }

    static String username(int i) {
        return String.format("bench%07d", i);
    }

    /** Loads user i with session i for every i, and returns the sessions' tokens in that order. */
    List<String> load(JdbcSettings settings, ScaleData.Progress progress) throws SQLException {
        Instant now = Instant.now();
        List<String> issued = new ArrayList<>(users);
        try (Connection connection = connect(settings)) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (username, password_hash,"
                    + " roles, status, created_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < users; i++) {
                    User user = User.create(Username.of(username(i)), passwordHash, Set.of(Role.USER), now);
                    insert.setString(1, user.username().value());
                    insert.setString(2, user.passwordHash().orElseThrow());
                    insert.setString(3, user.roles().stream().sorted().map(Role::label).collect(Collectors.joining(",")));
                    insert.setString(4, user.status().label().toLowerCase(Locale.ROOT));
                    insert.setTimestamp(5, Timestamp.from(user.createdAt()));
                    batch(connection, insert, i, progress, "users");
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions (id, token_digest, username,"
                    + " created_at, last_seen_at, expires_at, client_ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < users; i++) {
                    String token = tokens.newToken();
                    Session s = new Session(new SessionId(tokens.newId()), tokens.digest(token), Username.of(username(i)),
                            now, now, now.plus(policy.absoluteLifetime()), "127.0.0.1", "gatehouse-bench");
                    insert.setString(1, s.id().value());
                    insert.setString(2, s.tokenDigest());
                    insert.setString(3, s.username().value());
                    insert.setTimestamp(4, Timestamp.from(s.createdAt()));
                    insert.setTimestamp(5, Timestamp.from(s.lastSeenAt()));
                    insert.setTimestamp(6, Timestamp.from(s.expiresAt()));
                    insert.setString(7, s.clientIp());
                    insert.setString(8, s.userAgent());
                    batch(connection, insert, i, progress, "sessions");
                    issued.add(token);
                }
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // Fresh statistics, as a database that grew slowly would have.
                statement.execute(settings.database() == Database.SQLITE ? "ANALYZE" : "ANALYZE users; ANALYZE sessions");
            }
        }
        return issued;
    }

    private void batch(Connection connection, PreparedStatement insert, int i, ScaleData.Progress progress, String table)
            throws SQLException {
        insert.addBatch();
        if ((i + 1) % BATCH == 0 || i == users - 1) {
            insert.executeBatch();
            connection.commit();
            progress.report(table, i + 1, users);
        }
    }

    /** A plain connection for loading, also keys ({@link KeySeed}); PostgreSQL's driver makes batches multi-row inserts. */
    static Connection connect(JdbcSettings settings) throws SQLException {
        if (settings.database() == Database.SQLITE) {
            return DriverManager.getConnection(settings.jdbcUrl() + "?synchronous=NORMAL&busy_timeout=10000");
        }
        String url = settings.jdbcUrl();
        return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                settings.username(), settings.password());
    }
}
