package dev.gatehouse.bench;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.store.jdbc.JdbcSettings;
import dev.gatehouse.store.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the first N seeded users ({@link ServerSeed#username}) the same permission settings of
 * their own, for {@code bench/rights-bench.sh} and {@link AuthorizeBenchmark}: batched upserts into
 * the {@code user_permissions} table the store's migrations made, in the encoding the JDBC store
 * uses. Run again, it writes the same rows (settings replace what a user had).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gatehouse.bench.SeedPermissions \
 *     --store sqlite:bench/target/verify-bench/keys-100000.db --users 100000 --features chat=on --models 'llama-*'
 * </pre>
 *
 * Afterwards one user's settings are read back through the store's port and must equal the seeded ones.
 */
public final class SeedPermissions {

    private static final int BATCH = 5_000;

    private SeedPermissions() {
    }

    public static void main(String[] args) throws Exception {
        String store = null;
        int users = 0;
        String features = "chat=on";
        String models = "llama-*";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--store" -> store = args[++i];
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--features" -> features = args[++i];
                case "--models" -> models = args[++i];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --store URL --users N [--features chat=on,...] [--models 'llama-*,...']");
            }
        }
        if (store == null || users < 1) {
            throw new IllegalArgumentException("Name the store (--store URL) and how many users (--users N, at least 1).");
        }
        JdbcSettings settings = JdbcSettings.parse(store);
        Permissions permissions = permissions(features, models);
        long start = System.nanoTime();
        try (Stores stores = JdbcStores.open(settings)) {
            load(settings, users, permissions);
            Permissions read = stores.permissions().find(Username.of(ServerSeed.username(users - 1))).orElseThrow();
            if (!read.equals(permissions)) {
                throw new IllegalStateException("The seeded permissions read back as " + read + ", not " + permissions
                        + "; the seed is broken.");
            }
        }
        System.out.printf("Gave %,d users the features %s and the models %s in %.1f s%n", users,
                permissions.describeFeatures(), permissions.models().describe(), (System.nanoTime() - start) / 1e9);
    }

    /** {@code chat=on,images=off} and {@code llama-*,mistral-7b} ({@code *} alone: every model). */
    static Permissions permissions(String features, String models) {
        Map<String, Boolean> settings = new LinkedHashMap<>();
        for (String entry : features.split(",")) {
            String[] parts = entry.strip().split("=");
            if (parts.length != 2 || !parts[1].equals("on") && !parts[1].equals("off")) {
                throw new IllegalArgumentException("--features takes name=on or name=off, comma-separated, not '"
                        + entry + "'.");
            }
            settings.put(parts[0], parts[1].equals("on"));
        }
        List<String> patterns = Arrays.stream(models.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        return new Permissions(settings, patterns.equals(List.of("*")) ? ModelAccess.everything() : ModelAccess.only(patterns));
    }

    /** Upserts the rows of users 0 to {@code users} - 1, as {@code JdbcPermissionStore.put} encodes them. */
    static void load(JdbcSettings settings, int users, Permissions permissions) throws SQLException {
        String features = permissions.features().isEmpty() ? "" : permissions.describeFeatures();
        String models = permissions.models().all() ? null : String.join(",", permissions.models().patterns());
        try (Connection connection = ServerSeed.connect(settings)) {
            connection.setAutoCommit(false);
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO user_permissions (username,"
                    + " features, models) VALUES (?, ?, ?) ON CONFLICT (username) DO UPDATE SET features ="
                    + " excluded.features, models = excluded.models")) {
                for (int i = 0; i < users; i++) {
                    upsert.setString(1, ServerSeed.username(i));
                    upsert.setString(2, features);
                    upsert.setString(3, models);
                    upsert.addBatch();
                    if ((i + 1) % BATCH == 0 || i == users - 1) {
                        upsert.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }
}
