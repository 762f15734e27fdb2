package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.AvatarStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An {@link AvatarStore} in a map; {@link Avatar} copies its bytes, so nothing is shared with callers. */
public final class InMemoryAvatarStore implements AvatarStore {

    private final ConcurrentMap<Username, Avatar> avatars = new ConcurrentHashMap<>();

    @Override
    public void put(Avatar avatar) {
        Objects.requireNonNull(avatar, "avatar");
        avatars.put(avatar.username(), avatar);
    }

    @Override
    public Optional<Avatar> find(Username username) {
        return Optional.ofNullable(avatars.get(username));
    }

    @Override
    public boolean delete(Username username) {
        return avatars.remove(username) != null;
    }
}
