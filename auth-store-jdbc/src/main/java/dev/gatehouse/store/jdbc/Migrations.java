package dev.gatehouse.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a database's schema to this version with Flyway, on every open: a new database gets
 * every table, one written by an older Gatehouse is upgraded in place, and one already current
 * is only validated. Migrations from a newer Gatehouse are tolerated (Flyway ignores "future"
 * migrations by default), so an older CLI still opens a database a newer server upgraded.
 */
final class Migrations {

    /**
     * The newest migration this version ships ({@code V<n>__*.sql} in both locations; a test
     * keeps this in step). A database already there needs no Flyway run on open.
     */
    static final int LATEST_VERSION = 9;

    /** What {@link #checkOurs} saw of a database. */
    record State(boolean upToDate, boolean writeAheadLog) {
        static final State NEW = new State(false, false);
    }

    /** How long to keep trying while another program creates the same new SQLite database. */
    private static final long SQLITE_PATIENCE_MILLIS = 10_000;

    private Migrations() {
    }

    /** Migrates to the latest version. */
    static void apply(JdbcSettings settings) {
        apply(settings, MigrationVersion.LATEST);
    }

    /**
     * Migrates up to {@code target} (tests use this to build a database as an older version left it).
     * Flyway cannot lock a SQLite database against a second program migrating it at the same moment
     * (it does on PostgreSQL); the loser of that race fails and, once the winner is done, finds
     * every migration applied, so on SQLite a failed run is tried again.
     */
    static void apply(JdbcSettings settings, MigrationVersion target) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(ConnectionUrls.forMigrations(settings), emptyToNull(settings.username()),
                        emptyToNull(settings.password()))
                .locations(settings.database().migrations())
                .target(target)
                .failOnMissingLocations(true)
                .load();
        long deadline = System.currentTimeMillis() + SQLITE_PATIENCE_MILLIS;
        while (true) {
            try {
                flyway.migrate();
                return;
            } catch (FlywayException e) {
                if (settings.database() != Database.SQLITE || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    /**
     * SQLite creates the file, but not the directories above it, and it would create the file
     * readable by everyone: it holds password hashes, so a new file is made owner-only first
     * (SQLite gives its -wal and -shm files the same mode).
     */
    static void createParentDirectories(JdbcSettings settings) {
        settings.sqliteFile().ifPresent(file -> {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                if (!Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    createOwnerOnly(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            // another process created it first, the same way
        }
    }

    /**
     * Switches a SQLite database to write-ahead logging, which then stays on in the file for every
     * connection. Done once here rather than by every pooled connection: the switch needs the
     * database to itself, and SQLite answers "busy" at once, without waiting, while another
     * program holds it, so this waits and tries again.
     */
    static void enableWriteAheadLog(JdbcSettings settings) {
        if (settings.database() != Database.SQLITE) {
            return;
        }
        long deadline = System.currentTimeMillis() + SQLITE_PATIENCE_MILLIS;
        while (true) {
            try (Connection connection = DriverManager.getConnection(ConnectionUrls.forMigrations(settings));
                 Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                return;
            } catch (SQLException e) {
                if (!e.getMessage().contains("SQLITE_BUSY") || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                pause();
            }
        }
    }

    /**
     * Refuses a database that holds tables but not Gatehouse's (another program's file, a wrong
     * schema), before anything is written to it; with {@code mustExist}, an empty one too.
     */
    static State checkOurs(JdbcSettings settings, boolean mustExist) {
        if (settings.sqliteFile().map(file -> !java.nio.file.Files.exists(file)).orElse(false)) {
            if (mustExist) {
                throw notOurs(settings, "there is no such file");
            }
            return State.NEW;
        }
        boolean sqlite = settings.database() == Database.SQLITE;
        String tables = sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
        boolean any = false;
        boolean history = false;
        try (Connection connection = DriverManager.getConnection(ConnectionUrls.forMigrations(settings),
                emptyToNull(settings.username()), emptyToNull(settings.password()));
             Statement statement = connection.createStatement()) {
            try (java.sql.ResultSet names = statement.executeQuery(tables)) {
                while (names.next()) {
                    any = true;
                    history |= "flyway_schema_history".equalsIgnoreCase(names.getString(1));
                }
            }
            if (any && !history) {
                throw notOurs(settings, "it holds tables, but not Gatehouse's (no flyway_schema_history)");
            }
            if (!any && mustExist) {
                throw notOurs(settings, "it is empty");
            }
            return new State(history && version(statement) == LATEST_VERSION, sqlite && journalIsWal(statement));
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e); // reported by the open that follows
        }
    }

    private static int version(Statement statement) throws SQLException {
        int newest = 0;
        try (java.sql.ResultSet versions = statement.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
            while (versions.next()) {
                newest = Math.max(newest, Integer.parseInt(versions.getString(1).split("\\.")[0]));
            }
        }
        return newest;
    }

    private static boolean journalIsWal(Statement statement) throws SQLException {
        try (java.sql.ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            return mode.next() && "wal".equalsIgnoreCase(mode.getString(1));
        }
    }

    private static dev.gatehouse.core.port.out.StoreException notOurs(JdbcSettings settings, String why) {
        return new dev.gatehouse.core.port.out.StoreException(settings.maskedUrl() + " is not a Gatehouse store: "
                + why + ". Check the path, database and schema; Gatehouse changed nothing there.");
    }

    private static void pause() {
        try {
            Thread.sleep(50 + (long) (Math.random() * 100));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the SQLite database", interrupted);
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
