package dev.gatehouse.core.port.out;

import java.util.Objects;

/**
 * The set of stores one deployment uses, as a store adapter opens them from one place
 * (a directory, a database). {@link #close()} releases files and connections.
 */
public record Stores(UserStore users, SessionStore sessions, AuditLog audit, SecretKeyStore secrets,
                     AvatarStore avatars, ApiKeyStore apiKeys, InviteStore invites, PermissionStore permissions,
                     IdentityLinkStore identities, AutoCloseable resources) implements AutoCloseable {

    public Stores {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(avatars, "avatars");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(invites, "invites");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(resources, "resources");
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("Closing the store failed: " + e.getMessage(), e);
        }
    }
}
