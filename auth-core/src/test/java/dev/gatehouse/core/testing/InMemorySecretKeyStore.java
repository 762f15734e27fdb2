package dev.gatehouse.core.testing;

import dev.gatehouse.core.port.out.SecretKeyStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/** A {@link SecretKeyStore} in a map. */
public final class InMemorySecretKeyStore implements SecretKeyStore {

    private final ConcurrentMap<String, byte[]> keys = new ConcurrentHashMap<>();

    @Override
    public byte[] getOrCreate(String name, Supplier<byte[]> generator) {
        return keys.computeIfAbsent(name, n -> generator.get()).clone();
    }

    @Override
    public Set<String> names() {
        return Set.copyOf(keys.keySet());
    }
}
