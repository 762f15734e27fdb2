package dev.gatehouse.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * SQLite's {@code PRAGMA data_version} on a connection of its own, outside the pool: it changes
 * whenever any other connection — the pool's, the CLI's, another server's — commits. Asked at
 * most once a millisecond, so a busy server pays for one small query per millisecond, not per
 * request; the per-request read takes no lock. Writes of this process make it ask again at once
 * ({@link #forget}), so only another process's change can lag: by that millisecond, or by one
 * batch of this process's bookkeeping writes (a few milliseconds, {@link #writeUnnoticed}). If
 * the connection fails the answer is empty (nothing may be reused) until it comes back.
 *
 * <p>A connection's data version does not move for its own commits. Writes that no kept check
 * depends on — when keys were last used, when a session was last seen — go through this connection
 * ({@link #writeUnnoticed}), so the bookkeeping of a busy server does not undo its own reuse; every
 * other process still sees them as a change.
 */
final class SqliteChangeCount implements AutoCloseable {

    private static final long RECHECK_NANOS = 1_000_000;

    private final JdbcSettings settings;
    private final long recheckNanos;
    private Connection connection;
    // Read without the lock on every request; written under it at most once per recheck.
    private volatile long checkedAt;
    private volatile long version;
    private volatile boolean known;
    // Set while writeUnnoticed holds the connection: a check then answers the last count rather than wait.
    private volatile boolean writing;

    /** Statements run in one transaction by {@link #writeUnnoticed}. */
    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    SqliteChangeCount(JdbcSettings settings) {
        this(settings, RECHECK_NANOS);
    }

    /** Asking SQLite at most once per {@code recheckNanos}. */
    SqliteChangeCount(JdbcSettings settings, long recheckNanos) {
        this.settings = settings;
        this.recheckNanos = recheckNanos;
    }

    OptionalLong current() {
        // While writeUnnoticed holds the connection (one batch, a few milliseconds) the last count
        // stands: checks go on from memory, and another process's change is seen once it ends.
        if (known && (writing || System.nanoTime() - checkedAt < recheckNanos)) {
            return OptionalLong.of(version);
        }
        return writing ? OptionalLong.empty() : refresh();
    }

    /**
     * Runs {@code work} in one transaction on this connection, whose own commit leaves its data
     * version as it was. Only for writes no kept check depends on. False (nothing written) if the
     * connection is not usable: write the ordinary way instead.
     */
    synchronized boolean writeUnnoticed(Work work) {
        writing = true;
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(ConnectionUrls.forMigrations(settings));
            }
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return true;
        } catch (SQLException e) {
            known = false;
            close();
            return false;
        } finally {
            writing = false;
        }
    }

    private synchronized OptionalLong refresh() {
        long now = System.nanoTime();
        if (known && now - checkedAt < recheckNanos) {
            return OptionalLong.of(version); // another thread just asked
        }
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(ConnectionUrls.forMigrations(settings));
            }
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("PRAGMA data_version")) {
                row.next();
                version = row.getLong(1);
            }
            checkedAt = now;
            known = true;
            return OptionalLong.of(version);
        } catch (SQLException e) {
            known = false;
            close();
            return OptionalLong.empty();
        }
    }

    /** After a write of this process: the next {@link #current} asks SQLite instead of answering from memory. */
    void forget() {
        known = false;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing left to release
            }
            connection = null;
        }
    }
}
