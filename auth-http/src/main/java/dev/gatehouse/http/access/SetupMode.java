package dev.gatehouse.http.access;

import dev.gatehouse.core.port.out.Stores;
import jakarta.inject.Singleton;

/**
 * Whether the server is still waiting for its first administrator. While the store has no users
 * only the setup page and its API answer. Once a user exists — made through {@code /setup} or by
 * {@code gatehouse user add} on the same store — setup is over for good in this process.
 */
@Singleton
public class SetupMode {

    private final Stores stores;
    private volatile boolean over;

    SetupMode(Stores stores) {
        this.stores = stores;
    }

    /** True while the store has no users. Asks the store only until the first user appears. */
    public boolean active() {
        if (over) {
            return false;
        }
        if (stores.users().count() > 0) {
            over = true;
            return false;
        }
        return true;
    }

    /** True once this process has seen a user: setup is over without asking the store. */
    boolean knownOver() {
        return over;
    }

    /** Called when this process has just made the first user. */
    public void finished() {
        over = true;
    }
}
