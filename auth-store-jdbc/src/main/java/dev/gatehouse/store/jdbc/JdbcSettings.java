package dev.gatehouse.store.jdbc;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a JDBC store lives and how to sign in to it, parsed from a store URL.
 *
 * @param database  SQLite or PostgreSQL
 * @param jdbcUrl   the JDBC URL without user and password (unless a {@code jdbc:} URL carried them)
 * @param username  the database user, empty when the URL names none
 * @param password  the database password, empty when the URL names none; never printed
 * @param maskedUrl the store URL as given, with the password replaced by {@code ****}: for messages
 */
public record JdbcSettings(Database database, String jdbcUrl, String username, String password, String maskedUrl) {

    /** The forms {@link #parse} accepts, for messages. */
    public static final String ACCEPTED_FORMS = "sqlite:PATH, postgres://USER:PASSWORD@HOST:PORT/DATABASE"
            + " (or postgresql://...), jdbc:sqlite:PATH or jdbc:postgresql://HOST:PORT/DATABASE";

    public JdbcSettings {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        Objects.requireNonNull(maskedUrl, "maskedUrl");
    }

    /**
     * Reads a store URL: {@code sqlite:PATH} (relative, absolute or starting with {@code ~}),
     * {@code postgres://user:pass@host:port/db} or {@code postgresql://...} (user and password
     * percent-encoded; query parameters such as {@code sslmode} are passed to the driver), or a plain
     * {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL.
     *
     * @throws IllegalArgumentException naming the URL (password masked) and the accepted forms
     */
    public static JdbcSettings parse(String storeUrl) {
        return StoreUrls.parse(storeUrl);
    }

    /** {@code url} with any password (in {@code user:password@} or a {@code password=} parameter) shown as {@code ****}. */
    public static String mask(String url) {
        return StoreUrls.mask(url);
    }

    /** True when {@link #parse} handles this kind of URL (so a caller can pick this store). */
    public static boolean accepts(String storeUrl) {
        return StoreUrls.accepts(storeUrl);
    }

    /** Settings for a SQLite file. */
    public static JdbcSettings sqlite(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new JdbcSettings(Database.SQLITE, "jdbc:sqlite:" + absolute, "", "", "sqlite:" + absolute);
    }

    /** The SQLite database file, if this is a file-backed SQLite store. */
    public Optional<Path> sqliteFile() {
        return database == Database.SQLITE ? StoreUrls.sqliteFile(jdbcUrl) : Optional.empty();
    }

    @Override
    public String toString() {
        return "JdbcSettings[" + database.displayName() + " at " + maskedUrl + "]";
    }
}
