package dev.gatehouse.bench;

import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.apikeys.ApiKeyFormat;
import dev.gatehouse.core.service.apikeys.IdentifyCallerService;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.store.jdbc.JdbcStores;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * API-key checks per second through core's {@link IdentifyCallerService}, wired as the server wires
 * it, on a SQLite store of 1,000,000 keys of 1,000 users ({@link SeededKeyStore}: seeded once, then
 * reused). Each call presents one of {@code sample} keys at random, of one {@link Kind}; with
 * {@link Cache#KEPT} the store's real change count lets checks be kept, with {@link Cache#COLD} it
 * is hidden ({@link ProbedKeyStore}) so every check reads the store, as on PostgreSQL.
 *
 * <p>Set-up refuses to measure anything but the intended path: every presented key is checked
 * twice through a probe and must give the expected answer with the expected number of lookups by
 * digest (none for a bad checksum; none the second time for a kept valid key).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ApiKeyCheckBenchmark {

    /** What is presented. */
    public enum Kind {
        /** A seeded key: identified, its owner read (unless kept). */
        VALID,
        /** A seeded key with its last character changed: refused by the checksum, no store access. */
        BAD_CHECKSUM,
        /** A well-formed key never minted: one lookup by digest that finds nothing. */
        UNKNOWN
    }

    /** Whether checks may be kept. */
    public enum Cache {
        /** The store's own change count (SQLite's data_version): a key checked before is reused. */
        KEPT,
        /** No change count: every check reads the store. */
        COLD
    }

    @Param
    public Kind kind;

    @Param
    public Cache cache;

    @Param({"1000000"})
    public int keys;

    @Param({"1000"})
    public int users;

    @Param({"10000"})
    public int sample;

    private Stores stores;
    private IdentifyCaller identify;
    private String[] presented;

    @Setup(Level.Trial)
    public void openSeededStore() throws Exception {
        SeededKeyStore.Seeded seeded = SeededKeyStore.openOrSeed(keys, users);
        if (sample < 1 || sample > seeded.secrets().size()) {
            throw new IllegalArgumentException("sample must be 1 to " + seeded.secrets().size() + ", was " + sample);
        }
        stores = JdbcStores.open(seeded.settings());
        presented = presented(seeded);
        if (cache == Cache.KEPT && stores.apiKeys().changeCount().isEmpty()) {
            throw new IllegalStateException("The SQLite store gives no change count: KEPT would measure COLD.");
        }
        KeyCheckSanity sanity = new KeyCheckSanity(kind, cache, presented);
        ProbedKeyStore probe = new ProbedKeyStore(stores.apiKeys(), cache == Cache.COLD);
        sanity.assertLookups(service(probe), probe);
        // Measured: the store itself when kept (nothing in between), the probe hiding the count when cold.
        identify = service(cache == Cache.KEPT ? stores.apiKeys() : new ProbedKeyStore(stores.apiKeys(), true));
        sanity.assertAnswers(identify);
    }

    @TearDown(Level.Trial)
    public void closeStore() {
        stores.close();
    }

    @Benchmark
    public IdentifyCaller.Result identify() {
        return identify.identify(presented[ThreadLocalRandom.current().nextInt(presented.length)]);
    }

    /**
     * As the server wires it (core's UseCases): no static keys, last use noted in memory (never
     * flushed here: a server writes it every 30 seconds, outside the request); keys read from {@code keyStore}.
     */
    private IdentifyCaller service(ApiKeyStore keyStore) {
        Stores measured = new Stores(stores.users(), stores.sessions(), stores.audit(), stores.secrets(), stores.avatars(),
                keyStore, stores.invites(), stores.permissions(), stores.identities(), () -> { });
        return new UseCases(measured, PasswordHashers.standard(), Clock.systemUTC(), UseCases.Settings.defaults())
                .identifyCaller();
    }

    private String[] presented(SeededKeyStore.Seeded seeded) {
        String[] out = new String[sample];
        SecureRandomSource random = SecureRandomSource.system();
        int stride = seeded.secrets().size() / sample; // spread over the seeded keys, their ids and owners
        for (int i = 0; i < sample; i++) {
            String secret = seeded.secrets().get(i * stride);
            out[i] = switch (kind) {
                case VALID -> secret;
                case BAD_CHECKSUM -> secret.substring(0, secret.length() - 1) + (secret.endsWith("x") ? "y" : "x");
                case UNKNOWN -> ApiKeyFormat.newKey(random);
            };
        }
        return out;
    }
}
