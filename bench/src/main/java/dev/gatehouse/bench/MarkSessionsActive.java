package dev.gatehouse.bench;

import dev.gatehouse.store.jdbc.Database;
import dev.gatehouse.store.jdbc.JdbcSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Sets every session's last activity to {@code --seconds-ago} seconds before now, between runs of
 * {@code bench/http-bench.sh}. Session validation writes a session's activity back when it was
 * last written a minute ago or more ({@code SessionPolicy.touchInterval}): with 0, a following run
 * of under a minute measures checks without that write; with 120, every first check of a session writes.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gatehouse.bench.MarkSessionsActive --store sqlite:FILE --seconds-ago 0
 * </pre>
 */
public final class MarkSessionsActive {

    private MarkSessionsActive() {
    }

    public static void main(String[] args) throws Exception {
        String store = null;
        long secondsAgo = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--store" -> store = args[++i];
                case "--seconds-ago" -> secondsAgo = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --store sqlite:FILE --seconds-ago N");
            }
        }
        if (store == null) {
            throw new IllegalArgumentException("--store is required, e.g. --store sqlite:bench/target/http-bench/users-100000.db");
        }
        JdbcSettings settings = JdbcSettings.parse(store);
        String url = settings.database() == Database.SQLITE ? settings.jdbcUrl() + "?busy_timeout=10000" : settings.jdbcUrl();
        try (Connection connection = DriverManager.getConnection(url, settings.username(), settings.password());
             PreparedStatement update = connection.prepareStatement("UPDATE sessions SET last_seen_at = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(secondsAgo)));
            update.executeUpdate();
        }
    }
}
