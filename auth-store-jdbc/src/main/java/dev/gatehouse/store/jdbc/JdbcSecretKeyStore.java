package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.port.out.SecretKeyStore;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Secret keys in a table. Racing creators each insert-if-absent and then read back what won,
 * so every thread and process ends up with the same bytes.
 */
final class JdbcSecretKeyStore implements SecretKeyStore {

    private final SecretKeyRepository keys;
    private final Transactions transactions;

    JdbcSecretKeyStore(SecretKeyRepository keys, Transactions transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    @Override
    public byte[] getOrCreate(String name, Supplier<byte[]> generator) {
        Objects.requireNonNull(name, "name");
        byte[] existing = transactions.read(() -> keys.byName(name).map(SecretKeyRow::keyBytes).orElse(null));
        if (existing != null) {
            return existing.clone();
        }
        byte[] fresh = Objects.requireNonNull(generator.get(), "generated key").clone();
        return transactions.write(() -> {
            keys.insertIfAbsent(name, fresh);
            return keys.byName(name).orElseThrow().keyBytes().clone();
        });
    }

    @Override
    public Set<String> names() {
        return transactions.read(() -> keys.all().stream().map(SecretKeyRow::name).collect(Collectors.toUnmodifiableSet()));
    }
}
