package dev.gatehouse.bench;

import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.store.jdbc.JdbcSettings;
import dev.gatehouse.store.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Fills a store for the HTTP benchmarks ({@code bench/http-bench.sh}, {@code bench/verify-bench.sh}):
 * N active users, each with one live session, and writes the sessions' secret tokens (the
 * {@code gatehouse_session} cookie values) to a file, one a line, in user order. With
 * {@code --keys FILE} each user also gets one API key ({@link KeySeed}), whose secrets go to that
 * file, one a line, in user order.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gatehouse.bench.SeedServerStore \
 *     --store sqlite:bench/target/http-bench/gatehouse.db --users 100000 --tokens bench/target/http-bench/tokens.txt \
 *     [--keys bench/target/http-bench/keys.txt]
 * </pre>
 *
 * The store is opened through {@link JdbcStores} (its migrations make the tables and the token
 * key lives in its secret-key store), tokens and digests come from core's {@link TokenDigests}
 * over that key, as sign-in makes them, so the server accepts every token. Users and sessions are
 * core model records, written with batched JDBC inserts ({@link ServerSeed}); through the ports
 * each row would be its own transaction and 200,000 of them would take minutes.
 *
 * <p>Every user has the same password, {@value #PASSWORD}, under one Argon2id hash made once and
 * reused (hashing 100,000 passwords would take over an hour).
 */
public final class SeedServerStore {

    /** The password of every seeded user. */
    static final String PASSWORD = "gatehouse-bench-password";

    private SeedServerStore() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        JdbcSettings settings = JdbcSettings.parse(options.store());
        long start = System.nanoTime();
        try (Stores stores = JdbcStores.open(settings)) {
            long existing = stores.users().count();
            if (existing != 0) {
                throw new IllegalStateException("The store " + settings.maskedUrl() + " already holds " + existing
                        + " users; seed an empty store (delete the file, or pick another --store).");
            }
            TokenDigests tokens = new TokenDigests(SecureRandomSource.system(), stores.secrets());
            String hash = PasswordHashers.standard().hash(Password.of(PASSWORD));
            List<String> issued = new ServerSeed(options.users(), hash, tokens, SessionPolicy.defaults())
                    .load(settings, (table, done, total) -> {
                        if (done % 20_000 == 0 || done == total) {
                            System.out.printf("   %s %,d / %,d%n", table, done, total);
                        }
                    });
            Path file = Path.of(options.tokens()).toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.write(file, issued);
            check(stores, tokens, issued);
            System.out.printf("Seeded %,d users and %,d sessions into %s in %.1f s; tokens in %s%n", options.users(),
                    issued.size(), settings.maskedUrl(), (System.nanoTime() - start) / 1e9, file);
            if (options.keys() != null) {
                seedKeys(stores, settings, tokens, options);
            }
        }
    }

    /** One API key per user, checked as the server checks keys; their secrets one a line in user order. */
    private static void seedKeys(Stores stores, JdbcSettings settings, TokenDigests tokens, Options options) throws Exception {
        long start = System.nanoTime();
        List<String> secrets = new KeySeed(options.users(), options.users(), options.users(), tokens,
                SecureRandomSource.system()).load(settings, Instant.now(), (table, done, total) -> {
                    if (done % 20_000 == 0 || done == total) {
                        System.out.printf("   %s %,d / %,d%n", table, done, total);
                    }
                });
        Path file = Path.of(options.keys()).toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, secrets);
        IdentifyCaller identify = asTheServerWiresIt(stores).identifyCaller();
        int step = Math.max(1, secrets.size() / 100);
        for (int i = 0; i < secrets.size(); i += step) {
            if (!(identify.identify(secrets.get(i)) instanceof IdentifyCaller.Identified)) {
                throw new IllegalStateException("Seeded API key " + i + " does not identify its user; the seed is broken.");
            }
        }
        System.out.printf("Seeded %,d API keys, one per user, in %.1f s; their secrets in %s%n", secrets.size(),
                (System.nanoTime() - start) / 1e9, file);
    }

    /** Proves the tokens work as the server checks them: core's session validation, spread over the file. */
    private static void check(Stores stores, TokenDigests tokens, List<String> issued) {
        ValidateSession validate = asTheServerWiresIt(stores).validateSession();
        int step = Math.max(1, issued.size() / 100);
        for (int i = 0; i < issued.size(); i += step) {
            if (validate.validate(issued.get(i)).isEmpty()) {
                throw new IllegalStateException("Seeded token " + i + " does not validate; the seed is broken.");
            }
        }
    }

    /** Command-line options. */
    record Options(String store, int users, String tokens, String keys) {
        static Options parse(String[] args) {
            String store = "sqlite:target/http-bench/gatehouse.db";
            int users = 100_000;
            String tokens = "target/http-bench/tokens.txt";
            String keys = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--store" -> store = args[++i];
                    case "--users" -> users = Integer.parseInt(args[++i]);
                    case "--tokens" -> tokens = args[++i];
                    case "--keys" -> keys = args[++i];
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + "; use --store URL --users N --tokens FILE [--keys FILE]");
                }
            }
            if (users < 1) {
                throw new IllegalArgumentException("--users must be at least 1, was " + users);
            }
            return new Options(store, users, tokens, keys);
        }
    }

    /** Core's use cases as the server builds them (the hasher is never used here: nobody signs in). */
    private static UseCases asTheServerWiresIt(Stores stores) {
        return new UseCases(stores, PasswordHashers.standard(), Clock.systemUTC(), UseCases.Settings.defaults());
    }
}
