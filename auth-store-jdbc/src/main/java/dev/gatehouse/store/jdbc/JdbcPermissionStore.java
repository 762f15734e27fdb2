package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.StoreException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Users' permission settings in a table, one row per user, read on every call (no cache here: a
 * change from another process applies to the next request). A replacement is one upsert. On SQLite
 * the change count is the file's data version, so checks may keep what they read while it holds.
 */
final class JdbcPermissionStore implements PermissionStore {

    private final PermissionRepository rows;
    private final Transactions transactions;
    private final SqliteChangeCount changes;

    /** {@code changes} is null for PostgreSQL, which has no cheap equivalent (yet). */
    JdbcPermissionStore(PermissionRepository rows, Transactions transactions, SqliteChangeCount changes) {
        this.rows = rows;
        this.transactions = transactions;
        this.changes = changes;
    }

    /** SQLite's data version covers the whole file; this process's writes make it ask again at once. */
    @Override
    public OptionalLong changeCount() {
        return changes == null ? OptionalLong.empty() : changes.current();
    }

    @Override
    public Optional<Permissions> find(Username username) {
        return transactions.read(() -> rows.byUsername(username.value())).map(JdbcPermissionStore::permissions);
    }

    @Override
    public void put(Username username, Permissions permissions) {
        Objects.requireNonNull(username, "username");
        String features = permissions.features().isEmpty() ? "" : permissions.describeFeatures();
        String models = permissions.models().all() ? null : String.join(",", permissions.models().patterns());
        transactions.write(() -> rows.put(username.value(), features, models));
    }

    @Override
    public boolean remove(Username username) {
        return transactions.write(() -> rows.remove(username.value()) == 1);
    }

    @Override
    public Map<Username, Permissions> all() {
        Map<Username, Permissions> all = new TreeMap<>();
        for (PermissionRow row : transactions.read(rows::everyone)) {
            all.put(Username.of(row.username()), permissions(row));
        }
        return Collections.unmodifiableMap(all);
    }

    private static Permissions permissions(PermissionRow row) {
        try {
            Map<String, Boolean> features = new TreeMap<>();
            for (String entry : row.features().isEmpty() ? new String[0] : row.features().split(",")) {
                int equals = entry.indexOf('=');
                String state = equals < 0 ? "" : entry.substring(equals + 1);
                if (!state.equals("on") && !state.equals("off")) {
                    throw new IllegalArgumentException("the feature entry '" + entry + "' is not name=on or name=off");
                }
                features.put(entry.substring(0, equals), state.equals("on"));
            }
            ModelAccess models = row.models() == null ? ModelAccess.everything()
                    : ModelAccess.only(row.models().isEmpty() ? List.of() : List.of(row.models().split(",")));
            return new Permissions(features, models);
        } catch (IllegalArgumentException e) {
            throw new StoreException("The permissions of '" + row.username() + "' in user_permissions cannot be read: "
                    + e.getMessage() + ". Fix or delete that row; Gatehouse refuses the user's requests meanwhile.", e);
        }
    }
}
