package dev.gatehouse.http.wiring;

import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.store.jdbc.JdbcSettings;
import dev.gatehouse.store.jdbc.JdbcStores;
import dev.gatehouse.store.json.JsonStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the accounts live, as given by {@code --store}, {@code --home}, {@code GATEHOUSE_STORE},
 * {@code GATEHOUSE_HOME} or the URLs of {@code store migrate}: {@code sqlite:PATH} (the default),
 * {@code postgres://...}, {@code jdbc:...} and {@code json:DIR}. The one reader of store URLs: the
 * server opens its store with it and the CLI's wiring reads every URL a command is given with it,
 * so both accept and refuse the same URLs with the same words. Each adapter reads its own part
 * ({@code JdbcSettings.parse}); this picks the adapter. Adding a kind of store is one record here
 * (how to open it, and its {@code toString} with any password masked), one {@code case} in
 * {@link #parse} and its words in {@link #SUPPORTED}.
 *
 * <p>Bad input throws {@code IllegalArgumentException} with a message a person can act on; the
 * CLI shows it as a usage error.
 */
public sealed interface StoreUrl {

    /** The schemes this version accepts, for error messages and help. */
    String SUPPORTED = "sqlite:PATH (e.g. sqlite:~/.gatehouse/gatehouse.db), postgres://USER:PASSWORD@HOST:PORT/DATABASE,"
            + " a jdbc:sqlite: or jdbc:postgresql: URL, or json:DIR (a directory, e.g. llms.py's"
            + " json:~/.llms/user/default/credentials)";

    /** The file name of the default SQLite store inside Gatehouse's home directory. */
    String DEFAULT_DATABASE = "gatehouse.db";

    /** Opens the stores, creating an empty store if there is none yet; the caller closes them. */
    Stores open();

    /**
     * Opens a store that must exist already, such as the source of a copy: a mistyped path must
     * not look like an empty store. Throws {@code StoreException} naming the URL if it is missing.
     */
    default Stores openExisting() {
        return open();
    }

    /** True if {@code other} is the same place, written differently or not: copying between them is pointless. */
    default boolean samePlaceAs(StoreUrl other) {
        return equals(other);
    }

    /** JSON files in a directory (llms.py-compatible users.json plus Gatehouse's own files). */
    record JsonDirectory(Path dir) implements StoreUrl {
        public JsonDirectory {
            Objects.requireNonNull(dir, "dir");
        }

        @Override
        public Stores open() {
            return JsonStores.open(dir);
        }

        @Override
        public Stores openExisting() {
            if (!Files.isDirectory(dir)) {
                throw new StoreException("The store " + this + " does not exist: there is no directory " + dir
                        + ". Check the path (llms.py keeps users.json in ~/.llms/user/default/credentials).");
            }
            return open();
        }

        @Override
        public boolean samePlaceAs(StoreUrl other) {
            if (!(other instanceof JsonDirectory json)) {
                return false;
            }
            try {
                return dir.equals(json.dir) || Files.exists(dir) && Files.exists(json.dir) && Files.isSameFile(dir, json.dir);
            } catch (IOException e) {
                return false; // unreadable: opening it will say so
            }
        }

        @Override
        public String toString() {
            return "json:" + dir;
        }
    }

    /** A SQLite or PostgreSQL database. */
    record Database(JdbcSettings settings) implements StoreUrl {
        public Database {
            Objects.requireNonNull(settings, "settings");
        }

        /** The default store: a SQLite file in Gatehouse's home directory. */
        public static Database inHome(Path home) {
            return new Database(JdbcSettings.sqlite(home.resolve(DEFAULT_DATABASE)));
        }

        @Override
        public Stores open() {
            return JdbcStores.open(settings);
        }

        @Override
        public Stores openExisting() {
            return JdbcStores.openExisting(settings);
        }

        @Override
        public boolean samePlaceAs(StoreUrl other) {
            if (!(other instanceof Database database)) {
                return false;
            }
            if (settings.jdbcUrl().equals(database.settings.jdbcUrl())) {
                return true;
            }
            return settings.sqliteFile().flatMap(mine -> database.settings.sqliteFile().map(theirs -> {
                try {
                    return Files.exists(mine) && Files.exists(theirs) && Files.isSameFile(mine, theirs);
                } catch (IOException e) {
                    return false;
                }
            })).orElse(false);
        }

        @Override
        public String toString() {
            return settings.maskedUrl();
        }
    }

    /** Reads a store URL; {@code userHome} replaces a leading {@code ~}. */
    static StoreUrl parse(String text, String userHome) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The store URL is empty; use " + SUPPORTED + ".");
        }
        String url = text.strip();
        Matcher scheme = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):").matcher(url);
        if (!scheme.find()) {
            throw new IllegalArgumentException("'" + url + "' is not a store URL; use " + SUPPORTED + ".");
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        String rest = url.substring(scheme.end());
        return switch (name) {
            case "json" -> {
                if (rest.isBlank()) {
                    throw new IllegalArgumentException("The store URL 'json:' names no directory; use " + SUPPORTED + ".");
                }
                yield new JsonDirectory(directory(rest, userHome, "--store"));
            }
            case "sqlite", "postgres", "postgresql", "jdbc" -> {
                String expanded = name.equals("sqlite") && (rest.equals("~") || rest.startsWith("~/"))
                        ? "sqlite:" + userHome + rest.substring(1) : url;
                try {
                    yield new Database(JdbcSettings.parse(expanded));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            }
            default -> throw new IllegalArgumentException("The store '" + redacted(url) + "' uses the scheme '" + name
                    + "', which this version does not support; use " + SUPPORTED + ".");
        };
    }

    /**
     * The default store in Gatehouse's home directory {@code home} (as typed, {@code ~} expanded):
     * the SQLite file {@code HOME/gatehouse.db}. A directory holding a users.json but no database
     * is an llms.py (or older Gatehouse) store: opening an empty database there would hide its
     * users, so it is refused with the two ways on. {@code what} names where the directory came from.
     */
    static StoreUrl inHome(String home, String userHome, String what) {
        Path dir = directory(home, userHome, what);
        if (Files.exists(dir.resolve("users.json")) && !Files.exists(dir.resolve(DEFAULT_DATABASE))) {
            throw new IllegalArgumentException(dir + " holds a users.json (JSON store) and no " + DEFAULT_DATABASE
                    + ". Use it as it is with --store json:" + dir + ", or move it into the database with:"
                    + " gatehouse store migrate --from json:" + dir + " --to sqlite:" + dir.resolve(DEFAULT_DATABASE));
        }
        return Database.inHome(dir);
    }

    /** A directory as typed, with {@code ~} expanded, made absolute. */
    static Path directory(String text, String userHome, String what) {
        String expanded = text.equals("~") ? userHome
                : text.startsWith("~/") ? userHome + text.substring(1) : text;
        try {
            return Path.of(expanded).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("The " + what + " directory '" + text + "' is not a valid path: " + e.getReason() + ".");
        }
    }

    /** The URL with any password hidden, so it can be printed (the JDBC store's rule, for every URL). */
    private static String redacted(String url) {
        return JdbcSettings.mask(url);
    }
}
