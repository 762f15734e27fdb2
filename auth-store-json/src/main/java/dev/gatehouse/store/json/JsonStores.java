package dev.gatehouse.store.json;

import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens Gatehouse's stores in a directory of JSON files: llms.py's own {@code users.json}
 * (e.g. in {@code ~/.llms/user/default/credentials}) plus Gatehouse's sessions, API keys, invites, users'
 * permissions, links to providers' identities, audit log and secret keys beside it, and avatars as image files in {@code gatehouse-avatars/}. Any number of processes may
 * use one directory at once.
 */
public final class JsonStores {

    private JsonStores() {
    }

    /**
     * Opens the stores in {@code directory}, creating it if missing. Files are read lazily: a
     * corrupt users.json shows up as a {@code StoreException} on first use, not here.
     */
    public static Stores open(Path directory) {
        StoreDirectory store = StoreDirectory.open(Objects.requireNonNull(directory, "directory"));
        store.removeLeftoverTempFiles();
        JsonAvatarStore avatars = new JsonAvatarStore(store);
        avatars.removeLeftoverTempFiles();
        // Nothing stays open between calls (each change opens and closes its files), so closing is a no-op.
        return new Stores(new JsonUserStore(store), new JsonSessionStore(store), new JsonAuditLog(store),
                new JsonSecretKeyStore(store), avatars, new JsonApiKeyStore(store),
                new JsonInviteStore(store), new JsonPermissionStore(store), new JsonIdentityLinkStore(store),
                () -> { });
    }
}
