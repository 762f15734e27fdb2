package dev.gatehouse.bench;

import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.in.Authorize;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.rights.AuthorizeService;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.store.jdbc.JdbcSettings;
import dev.gatehouse.store.jdbc.JdbcStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Permission checks per second through core's {@link AuthorizeService}, wired as the server wires
 * it (LocalAI's features), on a SQLite store where {@code users} users each have settings of their
 * own: chat on and the models {@code llama-*} ({@link SeedPermissions}; the store is made once in
 * {@code bench/target/rights-bench/} and reused). Each call asks for one of {@code sample} users at
 * random. {@link #checked} asks for the feature {@code chat} and the model {@code llama-3}, which
 * needs the user's settings; {@link #unasked} asks for neither, the same call that needs nothing
 * from the store: their ratio is what a permission check costs. With {@link Cache#KEPT} the store's
 * real change count lets settings read once be kept; with {@link Cache#COLD} it is hidden, so every
 * check reads the store, as on PostgreSQL and the JSON store.
 *
 * <p>Set-up refuses to measure anything but the intended path: every sampled user must be allowed
 * chat with {@code llama-3} and refused {@code gpt-4o}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AuthorizeBenchmark {

    /** Whether settings may be kept. */
    public enum Cache {
        /** SQLite's data version as the change count: settings read before are reused. */
        KEPT,
        /** No change count: every check reads the store. */
        COLD
    }

    @Param
    public Cache cache;

    @Param({"10000"})
    public int users;

    @Param({"1000"})
    public int sample;

    private Stores stores;
    private Authorize authorize;
    private Authorize.Query[] checked;
    private Authorize.Query[] unasked;

    @Setup(Level.Trial)
    public void openSeededStore() throws Exception {
        if (sample < 1 || sample > users) {
            throw new IllegalArgumentException("sample must be 1 to users (" + users + "), was " + sample);
        }
        JdbcSettings settings = seeded();
        stores = JdbcStores.open(settings);
        if (stores.permissions().changeCount().isEmpty()) {
            throw new IllegalStateException("The SQLite store gives no change count: KEPT would measure COLD.");
        }
        PermissionStore store = cache == Cache.KEPT ? stores.permissions() : new CountHidden(stores.permissions());
        Stores measured = new Stores(stores.users(), stores.sessions(), stores.audit(), stores.secrets(), stores.avatars(),
                stores.apiKeys(), stores.invites(), store, stores.identities(), () -> { });
        authorize = new UseCases(measured, PasswordHashers.standard(), Clock.systemUTC(),
                UseCases.Settings.defaults().withFeatures(FeatureCatalog.localAi())).authorize();
        checked = new Authorize.Query[sample];
        unasked = new Authorize.Query[sample];
        int stride = users / sample;
        Instant created = Instant.now();
        for (int i = 0; i < sample; i++) {
            User user = User.create(Username.of(ServerSeed.username(i * stride)), "unused", Set.of(Role.USER), created);
            checked[i] = new Authorize.Query(user, Set.of(), Optional.of("chat"), Optional.of("llama-3"));
            unasked[i] = new Authorize.Query(user, Set.of(), Optional.empty(), Optional.empty());
            Authorize.Query other = new Authorize.Query(user, Set.of(), Optional.of("chat"), Optional.of("gpt-4o"));
            if (!(authorize.authorize(checked[i]) instanceof Authorize.Allowed)
                    || !(authorize.authorize(other) instanceof Authorize.Denied)
                    || authorize.withoutStore(checked[i]).isPresent()) {
                throw new IllegalStateException("User " + user.username().value() + " is not allowed llama-3 and"
                        + " refused gpt-4o after the store; the seeded store is broken (delete bench/target/rights-bench).");
            }
        }
    }

    @TearDown(Level.Trial)
    public void closeStore() {
        stores.close();
    }

    @Benchmark
    public Authorize.Decision checked() {
        return authorize.authorize(checked[ThreadLocalRandom.current().nextInt(checked.length)]);
    }

    @Benchmark
    public Authorize.Decision unasked() {
        return authorize.authorize(unasked[ThreadLocalRandom.current().nextInt(unasked.length)]);
    }

    /** A store that passes every call on but tells no change count. */
    private static final class CountHidden implements PermissionStore {
        private final PermissionStore store;

        CountHidden(PermissionStore store) {
            this.store = store;
        }

        @Override
        public Optional<Permissions> find(Username username) {
            return store.find(username);
        }

        @Override
        public void put(Username username, Permissions permissions) {
            store.put(username, permissions);
        }

        @Override
        public boolean remove(Username username) {
            return store.remove(username);
        }

        @Override
        public Map<Username, Permissions> all() {
            return store.all();
        }
    }

    /** {@code bench/target/rights-bench/permissions-USERS.db}, seeded unless it is there already. */
    private JdbcSettings seeded() throws Exception {
        Path directory = SeededKeyStore.directory().resolveSibling("rights-bench");
        Path database = directory.resolve("permissions-" + users + ".db");
        Path done = directory.resolve("permissions-" + users + ".done");
        JdbcSettings settings = JdbcSettings.sqlite(database);
        if (Files.isRegularFile(done)) {
            return settings;
        }
        Files.createDirectories(directory);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(database + suffix));
        }
        try (Stores created = JdbcStores.open(settings)) {
            Permissions permissions = SeedPermissions.permissions("chat=on", "llama-*");
            SeedPermissions.load(settings, users, permissions);
        }
        Files.writeString(done, "seeded\n");
        return settings;
    }
}
