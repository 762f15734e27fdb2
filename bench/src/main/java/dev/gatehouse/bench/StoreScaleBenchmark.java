package dev.gatehouse.bench;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.store.jdbc.Database;
import dev.gatehouse.store.jdbc.JdbcSettings;
import dev.gatehouse.store.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JDBC store at scale: loads 1,000,000 users and 1,000,000 sessions into SQLite and into
 * PostgreSQL, then measures, through the store API, session lookups by token digest and user
 * lookups by name (random existing keys) from 1 and 8 threads, and reports the size on disk.
 *
 * <p>A plain main, not JMH: loading a million rows per JMH trial is impractical. Loading goes
 * straight through JDBC with batched inserts into the tables the store's migrations created.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gatehouse.bench.StoreScaleBenchmark \
 *     [--stores sqlite,postgres] [--users 1000000] [--sessions 1000000] [--seconds 10] [--reuse]
 * </pre>
 * SQLite goes to {@code target/scale-bench/gatehouse.db}; PostgreSQL to the schema
 * {@code gatehouse_bench} of the server in {@code GATEHOUSE_TEST_POSTGRES_URL}. With
 * {@code --reuse}, a store that already holds the rows is not loaded again.
 */
public final class StoreScaleBenchmark {

    private static final String SCHEMA = "gatehouse_bench";

    private StoreScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<String> report = new ArrayList<>();
        for (String store : options.stores()) {
            JdbcSettings settings = store.equals("sqlite") ? sqlite(options) : postgres(options);
            report.add(measure(settings, options));
        }
        System.out.println();
        System.out.println("store       rows (users/sessions)  load s  session lookups/s (1 thr / 8 thr)"
                + "  user lookups/s (1 thr / 8 thr)  size on disk");
        report.forEach(System.out::println);
    }

    private static JdbcSettings sqlite(Options options) throws Exception {
        Path file = Path.of("target/scale-bench/gatehouse.db").toAbsolutePath();
        if (!options.reuse()) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
        return JdbcSettings.parse("sqlite:" + file);
    }

    private static JdbcSettings postgres(Options options) throws SQLException {
        String url = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("Set GATEHOUSE_TEST_POSTGRES_URL (e.g. from .ci/postgres start) to benchmark PostgreSQL.");
        }
        JdbcSettings server = JdbcSettings.parse(url);
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = admin.createStatement()) {
            if (!options.reuse()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        }
        return JdbcSettings.parse(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
    }

    private static String measure(JdbcSettings settings, Options options) throws Exception {
        String name = settings.database().displayName();
        System.out.println("== " + name + " at " + settings.maskedUrl());
        double loadSeconds = 0;
        try (Stores stores = JdbcStores.open(settings)) {
            if (stores.users().count() != options.users()) {
                long start = System.nanoTime();
                try (Connection connection = loaderConnection(settings)) {
                    new ScaleData(options.users(), options.sessions()).load(connection, (table, done, total) -> {
                        if (done % 100_000 == 0 || done == total) {
                            System.out.printf("   %s %,d / %,d%n", table, done, total);
                        }
                    });
                    analyze(settings, connection);
                }
                loadSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("   loaded in %.1f s%n", loadSeconds);
            }
            long millis = options.seconds() * 1000L;
            double[] sessions = new double[2];
            double[] users = new double[2];
            int[] threads = {1, 8};
            for (int t = 0; t < 2; t++) {
                sessions[t] = LookupRun.perSecond(threads[t], options.sessions(), millis, i -> {
                    if (stores.sessions().findByTokenDigest(ScaleData.tokenDigest(i)).isEmpty()) {
                        throw new IllegalStateException("session " + i + " is missing");
                    }
                });
                System.out.printf("   session lookups, %d thread(s): %,.0f/s%n", threads[t], sessions[t]);
                users[t] = LookupRun.perSecond(threads[t], options.users(), millis, i -> {
                    if (stores.users().find(Username.of(ScaleData.username(i))).isEmpty()) {
                        throw new IllegalStateException("user " + i + " is missing");
                    }
                });
                System.out.printf("   user lookups, %d thread(s): %,.0f/s%n", threads[t], users[t]);
            }
            String size = DiskSize.describe(settings);
            System.out.println("   size: " + size);
            return String.format(Locale.ROOT, "%-10s  %,d / %,d  %12s  %,10.0f / %,10.0f  %,10.0f / %,10.0f  %s", name,
                    options.users(), options.sessions(), loadSeconds == 0 ? "reused" : String.format("%.1f", loadSeconds),
                    sessions[0], sessions[1], users[0], users[1], size);
        }
    }

    /** A plain connection for loading; PostgreSQL's driver rewrites a batch into multi-row inserts. */
    private static Connection loaderConnection(JdbcSettings settings) throws SQLException {
        if (settings.database() == Database.SQLITE) {
            return DriverManager.getConnection(settings.jdbcUrl() + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000");
        }
        return DriverManager.getConnection(settings.jdbcUrl() + "&reWriteBatchedInserts=true", settings.username(),
                settings.password());
    }

    /** Fresh statistics, as a database that grew slowly would have. */
    private static void analyze(JdbcSettings settings, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(settings.database() == Database.SQLITE ? "ANALYZE" : "ANALYZE users; ANALYZE sessions");
        }
    }

    /** Command-line options. */
    record Options(List<String> stores, int users, int sessions, int seconds, boolean reuse) {
        static Options parse(String[] args) {
            List<String> stores = List.of("sqlite", "postgres");
            int users = 1_000_000;
            int sessions = 1_000_000;
            int seconds = 10;
            boolean reuse = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--stores" -> stores = List.of(args[++i].split(","));
                    case "--users" -> users = Integer.parseInt(args[++i]);
                    case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--reuse" -> reuse = true;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; use --stores sqlite,postgres --users N --sessions N --seconds N --reuse");
                }
            }
            return new Options(stores, users, sessions, seconds, reuse);
        }
    }

    /** How much disk a store takes. */
    static final class DiskSize {
        private DiskSize() {
        }

        static String describe(JdbcSettings settings) throws Exception {
            if (settings.database() == Database.SQLITE) {
                Path file = settings.sqliteFile().orElseThrow();
                long main = Files.size(file);
                Path wal = Path.of(file + "-wal");
                long walSize = Files.exists(wal) ? Files.size(wal) : 0;
                return String.format("%.0f MiB (file %.0f MiB + WAL %.0f MiB)", (main + walSize) / 1048576.0,
                        main / 1048576.0, walSize / 1048576.0);
            }
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT pg_total_relation_size('users'),"
                         + " pg_total_relation_size('sessions'), pg_database_size(current_database())")) {
                rows.next();
                return String.format("%.0f MiB (users %.0f MiB + sessions %.0f MiB incl. indexes; whole database %.0f MiB)",
                        (rows.getLong(1) + rows.getLong(2)) / 1048576.0, rows.getLong(1) / 1048576.0,
                        rows.getLong(2) / 1048576.0, rows.getLong(3) / 1048576.0);
            }
        }
    }
}
