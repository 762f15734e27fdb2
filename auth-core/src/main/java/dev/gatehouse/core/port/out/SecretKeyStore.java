package dev.gatehouse.core.port.out;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Where the deployment's own secret keys live (the key that turns tokens into digests). Every
 * process using one store must see the same key, so it lives in the store.
 *
 * <p>Contract (checked by {@code SecretKeyStoreContract}): the first call for a name stores what
 * {@code generator} gives; every later call, from any thread, process or store instance on the
 * same place, returns those same bytes. A file-based store keeps the key readable by its owner only.
 */
public interface SecretKeyStore {

    /** The key called {@code name}, created with {@code generator} if it does not exist yet. */
    byte[] getOrCreate(String name, Supplier<byte[]> generator);

    /** The names of the keys that exist. */
    Set<String> names();
}
