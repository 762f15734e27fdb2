package dev.gatehouse.core.testing;

import dev.gatehouse.core.port.out.Stores;

/** A complete set of in-memory stores. */
public final class InMemoryStores {
    private InMemoryStores() {
    }

    public static Stores create() {
        return new Stores(new InMemoryUserStore(), new InMemorySessionStore(), new InMemoryAuditLog(),
                new InMemorySecretKeyStore(), new InMemoryAvatarStore(), new InMemoryApiKeyStore(),
                new InMemoryInviteStore(), new InMemoryPermissionStore(), new InMemoryIdentityLinkStore(),
                () -> { });
    }
}
