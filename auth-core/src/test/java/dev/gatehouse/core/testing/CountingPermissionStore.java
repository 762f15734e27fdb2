package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.out.PermissionStore;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One handle on a {@link PermissionStore}'s place that counts its reads and, with {@link #tells}
 * set, tells a change count shared by every handle on that place and moved by every write through
 * any of them, as SQLite's data version is by any connection's commit. {@link #beforeNextFind} runs
 * once just before the next read, as a write of another process would land between a check's look
 * at the count and its read.
 */
public final class CountingPermissionStore implements PermissionStore {

    private final PermissionStore place;
    private final AtomicLong count;
    public final AtomicInteger finds = new AtomicInteger();
    public volatile boolean tells = true;
    public volatile Runnable beforeNextFind;

    /** A handle on {@code place}, whose writes move {@code count} (shared with the place's other handles). */
    public CountingPermissionStore(PermissionStore place, AtomicLong count) {
        this.place = place;
        this.count = count;
    }

    @Override
    public Optional<Permissions> find(Username username) {
        Runnable meanwhile = beforeNextFind;
        beforeNextFind = null;
        if (meanwhile != null) {
            meanwhile.run();
        }
        finds.incrementAndGet();
        return place.find(username);
    }

    @Override
    public void put(Username username, Permissions permissions) {
        try {
            place.put(username, permissions);
        } finally {
            count.incrementAndGet();
        }
    }

    @Override
    public boolean remove(Username username) {
        try {
            return place.remove(username);
        } finally {
            count.incrementAndGet();
        }
    }

    @Override
    public Map<Username, Permissions> all() {
        return place.all();
    }

    @Override
    public OptionalLong changeCount() {
        return tells ? OptionalLong.of(count.get()) : OptionalLong.empty();
    }
}
