package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.port.out.StoreException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns what JDBC, the drivers, Flyway and Micronaut throw into one-line {@link StoreException}s
 * that name the store (password masked) and what to check, with the cause kept attached.
 */
final class Failures {

    /** PostgreSQL states that end a connection: admin shutdown, crash shutdown, cannot connect now. */
    private static final Set<String> CONNECTION_ENDED = Set.of("57P01", "57P02", "57P03");

    private Failures() {
    }

    /** Why opening the store failed, as one line a person can act on. */
    static StoreException cannotOpen(JdbcSettings settings, Throwable failure) {
        String url = settings.maskedUrl();
        String name = settings.database().displayName();
        Optional<FileSystemException> file = find(failure, FileSystemException.class);
        if (file.isPresent()) {
            return new StoreException("Cannot create the SQLite database at " + url + ": " + describe(file.get())
                    + ". Check that the path is right and its directory is writable.", failure);
        }
        Optional<SQLiteException> sqlite = find(failure, SQLiteException.class);
        if (sqlite.isPresent()) {
            return new StoreException(sqliteProblem(url, sqlite.get()), failure);
        }
        Optional<UnknownHostException> host = find(failure, UnknownHostException.class);
        if (host.isPresent()) {
            return new StoreException("Cannot reach " + name + " at " + url + ": unknown host " + host.get().getMessage()
                    + ". Check the host name.", failure);
        }
        if (find(failure, ConnectException.class).isPresent() || find(failure, NoRouteToHostException.class).isPresent()) {
            return new StoreException("Cannot reach " + name + " at " + url + ": connection refused."
                    + " Check that the server runs and the host and port are right.", failure);
        }
        if (find(failure, SocketTimeoutException.class).isPresent()) {
            return new StoreException("Cannot reach " + name + " at " + url + ": the connection timed out."
                    + " Check the host, the port and any firewall in between.", failure);
        }
        String state = sqlState(failure).orElse("");
        if (state.startsWith("28")) {
            return new StoreException("Cannot sign in to " + name + " at " + url + ": " + firstLine(rootSql(failure))
                    + ". Check the user name and password.", failure);
        }
        if (state.equals("3D000")) {
            return new StoreException(name + " at " + url + " has no such database: " + firstLine(rootSql(failure))
                    + ". Create it or correct the database name.", failure);
        }
        if (state.startsWith("08")) {
            return new StoreException("Cannot reach " + name + " at " + url + ": " + firstLine(rootSql(failure))
                    + ". Check that the server runs and accepts this connection.", failure);
        }
        return new StoreException("Cannot open the " + name + " store at " + url + ": " + firstLine(root(failure))
                + ".", failure);
    }

    /** Why a call on an open store failed. */
    /**
     * The one-line store error for a failed call; {@code mayHaveCommitted} is true only for a write
     * whose work had finished when the connection broke (its COMMIT may have reached the server).
     */
    static StoreException failed(JdbcSettings settings, Throwable failure, boolean mayHaveCommitted) {
        String url = settings.maskedUrl();
        String name = settings.database().displayName();
        if (isUniqueViolation(failure)) {
            return new StoreException("The " + name + " store at " + url + " already holds an entry with that key ("
                    + firstLine(rootSql(failure)) + "); nothing was changed.", failure);
        }
        Optional<SQLiteException> sqlite = find(failure, SQLiteException.class);
        if (sqlite.isPresent()) {
            return new StoreException(sqliteProblem(url, sqlite.get()), failure);
        }
        if (find(failure, SQLTransientConnectionException.class).isPresent()) {
            return new StoreException("No connection to " + name + " at " + url + " within 10 s: "
                    + firstLine(root(failure)) + ". Check that the server runs and is not overloaded;"
                    + " nothing was changed.", failure);
        }
        if (isBrokenConnection(failure) || find(failure, ConnectException.class).isPresent()) {
            return new StoreException("Lost the connection to " + name + " at " + url + ": " + firstLine(root(failure))
                    + ". Check that the server runs; " + (mayHaveCommitted
                    ? "the change may or may not have been saved." : "nothing was changed."), failure);
        }
        return new StoreException("The " + name + " store at " + url + " failed: " + firstLine(root(failure)) + ".",
                failure);
    }

    private static String sqliteProblem(String url, SQLiteException e) {
        SQLiteErrorCode code = e.getResultCode();
        String base = code == null ? "" : code.name();
        if (base.startsWith("SQLITE_CANTOPEN")) {
            return "Cannot open the SQLite database at " + url + ". Check that the path is right and its directory"
                    + " exists and is writable.";
        }
        if (base.startsWith("SQLITE_READONLY") || base.startsWith("SQLITE_PERM") || base.startsWith("SQLITE_AUTH")) {
            return "The SQLite database at " + url + " is read-only here. Check the permissions of the file and"
                    + " of its directory (SQLite writes -wal and -shm files beside it).";
        }
        if (base.startsWith("SQLITE_NOTADB")) {
            return "The file at " + url + " is not a SQLite database. Check the path.";
        }
        if (base.startsWith("SQLITE_CORRUPT")) {
            return "The SQLite database at " + url + " is damaged. Restore it from a backup.";
        }
        if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
            return "The SQLite database at " + url + " is locked by another program. Check for a stuck process"
                    + " holding it, and try again.";
        }
        if (base.startsWith("SQLITE_FULL") || base.startsWith("SQLITE_IOERR")) {
            return "Cannot write the SQLite database at " + url + ": " + describeSqlite(e)
                    + ". Check the free disk space and the disk.";
        }
        return "The SQLite database at " + url + " failed: " + describeSqlite(e) + ".";
    }

    /** True when the failure means the connection is gone (server restart, killed backend, network). */
    static boolean isBrokenConnection(Throwable failure) {
        // The pool gave up waiting for a connection: retrying would only wait as long again.
        if (find(failure, SQLTransientConnectionException.class).isPresent()) {
            return false;
        }
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || CONNECTION_ENDED.contains(sql.getSQLState()))) {
                return true;
            }
            // The pool closes a connection that failed so; Micronaut's clean-up on it then throws this,
            // without a state, and the first error is lost.
            if (t instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** A duplicate key: PostgreSQL's unique_violation, SQLite's primary key or unique constraint. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLiteException sqlite && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** True when the failure came from the database or the data access layer (not from a caller's code). */
    static boolean isDataAccess(Throwable failure) {
        for (Throwable t : chain(failure)) {
            String type = t.getClass().getName();
            if (t instanceof SQLException || type.startsWith("io.micronaut.data.") || type.startsWith("io.micronaut.transaction.")
                    || type.startsWith("io.micronaut.context.exceptions.")) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> sqlState(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t : chain(failure)) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** The failure, its causes and whatever was suppressed along the way (a failed rollback hides the first error). */
    private static List<Throwable> chain(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        List<Throwable> all = new ArrayList<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return all;
    }

    private static Throwable rootSql(Throwable failure) {
        Throwable found = failure;
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException) {
                found = t;
            }
        }
        return found;
    }

    private static Throwable root(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(FileSystemException e) {
        if (e instanceof FileAlreadyExistsException) {
            return e.getFile() + " is a file, not a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied for " + e.getFile();
        }
        return e.getFile() + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
    }

    private static String describeSqlite(SQLiteException e) {
        String message = firstLine(e);
        int bracket = message.indexOf("] ");
        return bracket >= 0 && message.startsWith("[") ? message.substring(bracket + 2) : message;
    }

    static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline).strip();
        if (message.startsWith("FATAL: ") || message.startsWith("ERROR: ")) {
            message = message.substring(message.indexOf(' ') + 1);
        }
        while (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return message;
    }
}
