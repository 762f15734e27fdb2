package dev.gatehouse.store.jdbc;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Runs store calls, translates failures into {@code StoreException}s, and survives a dead pooled
 * connection (PostgreSQL restarted, backend killed) by retrying once on a fresh one.
 *
 * <p>Which calls may be retried: any read, and any write whose work had not finished when the
 * connection broke, because nothing of it was committed (the transaction dies with the
 * connection). A write whose connection broke during COMMIT is not retried: it may or may not
 * have landed, and a second insert would then report "taken" or a second update apply twice; the
 * caller gets a {@code StoreException} saying so.
 */
final class Transactions {

    private final JdbcSettings settings;
    private final TransactionOperations<Connection> operations;
    private final Runnable evictIdleConnections;
    private volatile Runnable afterWrite = () -> { };

    Transactions(JdbcSettings settings, TransactionOperations<Connection> operations, Runnable evictIdleConnections) {
        this.settings = settings;
        this.operations = operations;
        this.evictIdleConnections = evictIdleConnections;
    }

    /**
     * A read of one statement, which is consistent on its own: it runs outside any transaction
     * (no BEGIN and COMMIT round trips), on a connection Micronaut Data marks read-only, beside
     * other readers and beside the writer (SQLite in WAL mode).
     */
    <T> T read(Supplier<T> work) {
        return run(work, true, new boolean[1]);
    }

    /**
     * A write, in one transaction: on SQLite it holds the database's write lock from its first
     * statement to its end (BEGIN IMMEDIATE), on PostgreSQL it is READ COMMITTED plus the row
     * locks the work takes.
     */
    <T> T write(Supplier<T> work) {
        boolean[] workDone = new boolean[1];
        try {
            return run(() -> operations.execute(TransactionDefinition.DEFAULT, status -> {
                workDone[0] = false;
                T result = work.get();
                workDone[0] = true;
                return result;
            }), false, workDone);
        } finally {
            afterWrite.run();
        }
    }

    /** Runs {@code action} after every write, committed or not (SQLite's change count forgets what it saw). */
    void afterEveryWrite(Runnable action) {
        afterWrite = action;
    }

    private <T> T run(Supplier<T> call, boolean read, boolean[] workDone) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!Failures.isDataAccess(e)) {
                    throw e;
                }
                boolean retryable = Failures.isBrokenConnection(e) && (read || !workDone[0]);
                if (attempt == 1 && retryable) {
                    evictIdleConnections.run();
                    continue;
                }
                throw Failures.failed(settings, e, !read && workDone[0]);
            }
        }
    }
}
