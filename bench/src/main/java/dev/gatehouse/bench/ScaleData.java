package dev.gatehouse.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The benchmark's users and sessions, derived from their number alone, so lookups can name
 * existing ones without keeping a million strings around; and a loader that writes them with
 * batched JDBC inserts straight into the store's tables (through the store API a million rows
 * would take many minutes; the tables are the ones the store's own migrations created).
 */
final class ScaleData {

    static final Instant T0 = Instant.parse("2025-03-15T10:30:00.123Z");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
    private static final int BATCH = 5_000;

    private final int users;
    private final int sessions;

    ScaleData(int users, int sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    static String username(int i) {
        return String.format("user%07d", i);
    }

    static String sessionId(int i) {
        return String.format("s%015x", mix(i));
    }

    /** What the keyed digest of session i's token would be: 64 hex characters. */
    static String tokenDigest(int i) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(("session-" + i).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spreads ids over the key space, as random ids are. */
    private static long mix(long i) {
        long z = i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return (z ^ (z >>> 31)) & 0xFFFFFFFFFFFFFL;
    }

    void load(Connection connection, Progress progress) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (username, password_hash, roles,"
                + " status, created_at, last_login_at, last_login_ip) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < users; i++) {
                insert.setString(1, username(i));
                insert.setString(2, HASH);
                insert.setString(3, i % 1000 == 0 ? "Admin,User" : "User");
                insert.setString(4, "active");
                insert.setTimestamp(5, Timestamp.from(T0.plusMillis(i)));
                insert.setTimestamp(6, Timestamp.from(T0.plusSeconds(i)));
                insert.setString(7, "10.0." + (i >> 8 & 255) + "." + (i & 255));
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i == users - 1) {
                    insert.executeBatch();
                    connection.commit();
                    progress.report("users", i + 1, users);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions (id, token_digest, username,"
                + " created_at, last_seen_at, expires_at, client_ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < sessions; i++) {
                Instant created = T0.plusSeconds(i);
                insert.setString(1, sessionId(i));
                insert.setString(2, tokenDigest(i));
                insert.setString(3, username(i % users));
                insert.setTimestamp(4, Timestamp.from(created));
                insert.setTimestamp(5, Timestamp.from(created));
                insert.setTimestamp(6, Timestamp.from(created.plusSeconds(30L * 24 * 3600)));
                insert.setString(7, "198.51.100." + (i & 255));
                insert.setString(8, "Mozilla/5.0 (X11; Linux x86_64) Gatehouse-bench/1.0");
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i == sessions - 1) {
                    insert.executeBatch();
                    connection.commit();
                    progress.report("sessions", i + 1, sessions);
                }
            }
        }
        connection.setAutoCommit(true);
    }

    /** Where the load is, printed now and then. */
    interface Progress {
        void report(String table, int done, int total);
    }
}
