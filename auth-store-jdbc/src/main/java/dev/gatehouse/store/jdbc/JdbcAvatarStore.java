package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.AvatarStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Avatars in a table, one row per user. A replacement is one upsert ({@code ON CONFLICT DO
 * UPDATE}), so readers see the old row or the new one, and a retry after a broken connection
 * writes the same row again.
 */
final class JdbcAvatarStore implements AvatarStore {

    private final AvatarRepository avatars;
    private final Transactions transactions;

    JdbcAvatarStore(AvatarRepository avatars, Transactions transactions) {
        this.avatars = avatars;
        this.transactions = transactions;
    }

    @Override
    public void put(Avatar avatar) {
        Objects.requireNonNull(avatar, "avatar");
        byte[] image = avatar.image();
        transactions.write(() -> avatars.put(avatar.username().value(), avatar.mediaType(), image, avatar.updatedAt()));
    }

    @Override
    public Optional<Avatar> find(Username username) {
        return transactions.read(() -> avatars.byUsername(username.value()).map(Rows::avatar));
    }

    @Override
    public Optional<Instant> updatedAt(Username username) {
        return transactions.read(() -> avatars.updatedAt(username.value()));
    }

    @Override
    public boolean delete(Username username) {
        return transactions.write(() -> avatars.remove(username.value()) == 1);
    }
}
