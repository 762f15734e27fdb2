package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Opens Gatehouse's stores in a SQLite file or a PostgreSQL database. The schema is created or
 * upgraded on open; any number of processes may use one database at once. Micronaut Data runs
 * inside, in a private context that {@link Stores#close()} stops: callers need not know.
 *
 * <pre>{@code
 * try (Stores stores = JdbcStores.open(JdbcSettings.parse("sqlite:~/.gatehouse/gatehouse.db"))) {
 *     stores.users().count();
 * }
 * }</pre>
 */
public final class JdbcStores {

    private JdbcStores() {
    }

    /**
     * Opens the stores, creating the SQLite file (and its directories) or the tables as needed.
     * The CLI opens a store per command, so the two slow halves of opening, Flyway's migration and
     * the Micronaut context with its pool, run side by side.
     *
     * @throws StoreException one line naming the store (password masked) and what to check, when
     *                        the database cannot be reached, signed in to, created or migrated
     */
    public static Stores open(JdbcSettings settings) {
        return open(settings, false);
    }

    /**
     * Opens a store that must exist and hold Gatehouse's tables already, such as the source of a
     * copy: a mistyped path or schema is refused instead of being created empty.
     */
    public static Stores openExisting(JdbcSettings settings) {
        return open(settings, true);
    }

    private static Stores open(JdbcSettings settings, boolean mustExist) {
        Objects.requireNonNull(settings, "settings");
        Migrations.State state;
        try {
            state = Migrations.checkOurs(settings, mustExist);
        } catch (IllegalStateException unreachable) {
            throw Failures.cannotOpen(settings, unreachable.getCause() == null ? unreachable : unreachable.getCause());
        }
        try {
            Migrations.createParentDirectories(settings);
            if (!state.writeAheadLog()) {
                Migrations.enableWriteAheadLog(settings);
            }
        } catch (RuntimeException e) {
            throw Failures.cannotOpen(settings, e);
        }
        CompletableFuture<Opened> starting = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                starting.complete(Opened.start(settings));
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "gatehouse-store-open");
        starter.setDaemon(true);
        starter.start();
        try {
            if (!state.upToDate()) {
                Migrations.apply(settings);
            }
        } catch (RuntimeException e) {
            starting.thenAccept(Opened::close);
            throw Failures.cannotOpen(settings, e);
        }
        Opened opened;
        try {
            opened = starting.join();
        } catch (CompletionException e) {
            throw Failures.cannotOpen(settings, e.getCause() == null ? e : e.getCause());
        }
        return opened.stores(settings);
    }

    /** The context, started and warmed up off the caller's thread. */
    private record Opened(JdbcContext context, Transactions transactions, UserRepository users) {

        static Opened start(JdbcSettings settings) {
            JdbcContext context = JdbcContext.start(settings);
            try {
                Transactions transactions = new Transactions(settings, context.transactions(), context::evictIdleConnections);
                UserRepository users = context.bean(UserRepository.class);
                transactions.read(users::ping);
                return new Opened(context, transactions, users);
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        }

        Stores stores(JdbcSettings settings) {
            SqliteChangeCount changes = settings.database() == Database.SQLITE ? new SqliteChangeCount(settings) : null;
            if (changes != null) {
                transactions.afterEveryWrite(changes::forget);
            }
            try {
                return new Stores(
                        new JdbcUserStore(users, transactions, settings.database()),
                        new JdbcSessionStore(context.bean(SessionRepository.class), transactions, changes),
                        new JdbcAuditLog(context.bean(AuditRepository.class), transactions),
                        new JdbcSecretKeyStore(context.bean(SecretKeyRepository.class), transactions),
                        new JdbcAvatarStore(context.bean(AvatarRepository.class), transactions),
                        new JdbcApiKeyStore(context.bean(ApiKeyRepository.class), transactions, settings.database(),
                                changes),
                        new JdbcInviteStore(context.bean(InviteRepository.class),
                                context.bean(InviteUseRepository.class), transactions),
                        new JdbcPermissionStore(context.bean(PermissionRepository.class), transactions, changes),
                        new JdbcIdentityLinkStore(context.bean(IdentityLinkRepository.class), transactions,
                                settings.database()),
                        () -> {
                            if (changes != null) {
                                changes.close();
                            }
                            context.close();
                        });
            } catch (RuntimeException e) {
                context.close();
                throw Failures.cannotOpen(settings, e);
            }
        }

        void close() {
            context.close();
        }
    }
}
