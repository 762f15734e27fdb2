package dev.gatehouse.bench;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.store.jdbc.JdbcSettings;
import dev.gatehouse.store.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * The SQLite store of {@link ApiKeyCheckBenchmark}, made once and kept in
 * {@code bench/target/api-key-bench/}: N active users ({@link ServerSeed}) and M API keys spread
 * over them ({@link KeySeed}), with the secrets of the first {@value #KEPT_SECRETS} keys in a file
 * beside the database. That file is written last, so a store that has it is complete and is reused;
 * delete the directory (or {@code mvn clean}) to seed afresh.
 */
final class SeededKeyStore {

    /** How many keys' secrets are kept to present: a benchmark's sample is at most this many. */
    static final int KEPT_SECRETS = 100_000;

    private SeededKeyStore() {
    }

    /** The store and the secrets of its first keys, in key order. */
    record Seeded(JdbcSettings settings, List<String> secrets) {
    }

    /** The store with {@code keys} keys over {@code users} users: the one made before, or a new one. */
    static Seeded openOrSeed(int keys, int users) throws Exception {
        Path directory = directory();
        String name = "keys-" + keys + "-users-" + users;
        Path database = directory.resolve(name + ".db");
        Path secrets = directory.resolve(name + ".secrets");
        JdbcSettings settings = JdbcSettings.sqlite(database);
        if (Files.isRegularFile(database) && Files.isRegularFile(secrets)) {
            System.out.println("Reusing " + database + " (delete it to seed afresh)");
            return new Seeded(settings, Files.readAllLines(secrets));
        }
        Files.createDirectories(directory);
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(database + suffix));
        }
        long start = System.nanoTime();
        System.out.printf("Seeding %,d users and %,d API keys into %s%n", users, keys, database);
        List<String> kept;
        try (Stores stores = JdbcStores.open(settings)) {
            TokenDigests tokens = new TokenDigests(SecureRandomSource.system(), stores.secrets());
            String hash = PasswordHashers.standard().hash(Password.of(SeedServerStore.PASSWORD));
            new ServerSeed(users, hash, tokens, SessionPolicy.defaults()).load(settings, (table, done, total) -> { });
            kept = new KeySeed(keys, users, Math.min(keys, KEPT_SECRETS), tokens, SecureRandomSource.system())
                    .load(settings, Instant.now(), (table, done, total) -> System.out.printf("   %s %,d / %,d%n",
                            table, done, total));
        }
        Path partial = directory.resolve(name + ".secrets.partial");
        Files.write(partial, kept);
        Files.move(partial, secrets, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("Seeded in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return new Seeded(settings, kept);
    }

    /**
     * {@code bench/target/api-key-bench}, found from where this class was loaded
     * ({@code target/benchmarks.jar} or {@code target/classes}), so the working directory does not matter.
     */
    static Path directory() throws Exception {
        Path loadedFrom = Path.of(SeededKeyStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return loadedFrom.toAbsolutePath().getParent().resolve("api-key-bench");
    }
}
