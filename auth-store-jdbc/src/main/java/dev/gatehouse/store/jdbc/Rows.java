package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.LastLogin;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The domain to rows and back. Roles are stored as their labels ("Admin,User"); only roles core
 * knows exist here, so role strings other programs invented (llms.py allows any) are not kept.
 */
final class Rows {

    private Rows() {
    }

    static UserRow row(User user) {
        String status = user.status().label().toLowerCase(Locale.ROOT);
        UserStatus.Locked lock = user.status() instanceof UserStatus.Locked locked ? locked : null;
        return new UserRow(user.username().value(), user.passwordHash().orElse(null), roles(user.roles()), status,
                lock == null ? null : lock.reason(), lock == null ? null : lock.since().orElse(null),
                user.createdAt(), user.lastLogin().map(LastLogin::at).orElse(null),
                user.lastLogin().map(LastLogin::clientIp).orElse(null), user.email().orElse(null));
    }

    static User user(UserRow row) {
        UserStatus status = switch (row.status()) {
            case "locked" -> new UserStatus.Locked(row.lockReason(), Optional.ofNullable(row.lockedAt()));
            case "pending" -> UserStatus.PENDING;
            default -> UserStatus.ACTIVE;
        };
        Optional<LastLogin> lastLogin = Optional.ofNullable(row.lastLoginAt())
                .map(at -> new LastLogin(at, row.lastLoginIp()));
        return new User(Username.of(row.username()), Optional.ofNullable(row.passwordHash()), roles(row.roles()),
                status, row.createdAt(), lastLogin, Optional.ofNullable(row.email()));
    }

    static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(","));
    }

    static Set<Role> roles(String labels) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String label : labels.split(",")) {
            Role.parse(label).ifPresent(roles::add);
        }
        return roles;
    }

    static Session session(SessionRow row) {
        return new Session(new SessionId(row.id()), row.tokenDigest(), Username.of(row.username()), row.createdAt(),
                row.lastSeenAt(), row.expiresAt(), row.clientIp(), row.userAgent(),
                Optional.ofNullable(row.impersonator()).map(Username::of));
    }

    static AuditEvent event(AuditRow row) {
        return new AuditEvent(row.id(), row.at(), row.action(), row.actor(), Optional.ofNullable(row.target()).map(Username::of),
                row.clientIp(), AuditEvent.Outcome.valueOf(row.outcome()), DetailsJson.read(row.details()),
                Optional.ofNullable(row.impersonator()));
    }

    static Avatar avatar(AvatarRow row) {
        return new Avatar(Username.of(row.username()), row.mediaType(), row.image(), row.updatedAt());
    }

    static ApiKeyRow row(ApiKey key) {
        return new ApiKeyRow(key.id().value(), key.digest().isEmpty() ? null : key.digest(), key.owner().value(),
                key.name(), key.displayPrefix(), key.createdAt(), key.expiresAt().orElse(null),
                key.lastUsedAt().orElse(null), String.join(",", key.scopes()), key.revokedAt().orElse(null),
                key.origin().name().toLowerCase(Locale.ROOT), key.legacyVerifier().orElse(null));
    }

    static ApiKey apiKey(ApiKeyRow row) {
        Set<String> scopes = row.scopes().isEmpty() ? Set.of() : Set.of(row.scopes().split(","));
        return new ApiKey(new ApiKeyId(row.id()), Username.of(row.owner()), row.name(),
                row.digest() == null ? "" : row.digest(), row.displayPrefix(), row.createdAt(),
                Optional.ofNullable(row.expiresAt()), Optional.ofNullable(row.lastUsedAt()), scopes,
                Optional.ofNullable(row.revokedAt()), ApiKey.Origin.valueOf(row.origin().toUpperCase(Locale.ROOT)),
                Optional.ofNullable(row.legacyVerifier()));
    }
}
