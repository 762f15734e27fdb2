package dev.gatehouse.store.json.archfixture;

import dev.gatehouse.crypto.PasswordHashers;

/** A deliberate violation, imported only by CliLayeringTest to prove its adapter rule can fail. */
public final class StoreClassUsingCrypto {

    public Object hasher() {
        return PasswordHashers.standard();
    }
}
