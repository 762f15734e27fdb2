package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.StoreException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link PermissionStore} in a map; {@link #failing} makes every call throw, as a broken medium would. */
public final class InMemoryPermissionStore implements PermissionStore {

    private final ConcurrentMap<Username, Permissions> records = new ConcurrentHashMap<>();
    private volatile boolean failing;

    /** From now on every call throws a {@link StoreException} (or, with {@code false}, works again). */
    public void failing(boolean fail) {
        this.failing = fail;
    }

    @Override
    public Optional<Permissions> find(Username username) {
        check();
        return Optional.ofNullable(records.get(username));
    }

    @Override
    public void put(Username username, Permissions permissions) {
        check();
        records.put(Objects.requireNonNull(username, "username"), Objects.requireNonNull(permissions, "permissions"));
    }

    @Override
    public boolean remove(Username username) {
        check();
        return records.remove(username) != null;
    }

    @Override
    public Map<Username, Permissions> all() {
        check();
        return Collections.unmodifiableMap(new TreeMap<>(records));
    }

    private void check() {
        if (failing) {
            throw new StoreException("The permission store is unreachable (simulated).");
        }
    }
}
