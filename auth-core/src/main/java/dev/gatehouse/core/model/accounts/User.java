package dev.gatehouse.core.model.accounts;

import dev.gatehouse.core.model.time.Times;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An account. {@code passwordHash} carries its scheme (an Argon2id PHC string, or llms.py's
 * {@code salt:sha256hex}); it is empty for accounts that only sign in through a provider.
 * {@code email} is optional and normalised by {@link EmailAddress}.
 */
public record User(
        Username username,
        Optional<String> passwordHash,
        Set<Role> roles,
        UserStatus status,
        Instant createdAt,
        Optional<LastLogin> lastLogin,
        Optional<String> email) {

    public User {
        email = Objects.requireNonNull(email, "email").map(EmailAddress::normalise);
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastLogin, "lastLogin");
        createdAt = Times.truncate(Objects.requireNonNull(createdAt, "createdAt"));
        EnumSet<Role> all = EnumSet.of(Role.USER);
        all.addAll(Objects.requireNonNull(roles, "roles"));
        roles = Set.copyOf(all);
    }

    /** An account without an email address. */
    public User(Username username, Optional<String> passwordHash, Set<Role> roles, UserStatus status,
                Instant createdAt, Optional<LastLogin> lastLogin) {
        this(username, passwordHash, roles, status, createdAt, lastLogin, Optional.empty());
    }

    /** A new active user with a password. */
    public static User create(Username username, String passwordHash, Set<Role> roles, Instant now) {
        return new User(username, Optional.of(passwordHash), roles, UserStatus.ACTIVE, now, Optional.empty());
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public User withPasswordHash(String hash) {
        return new User(username, Optional.of(hash), roles, status, createdAt, lastLogin, email);
    }

    public User withRoles(Set<Role> newRoles) {
        return new User(username, passwordHash, newRoles, status, createdAt, lastLogin, email);
    }

    public User withStatus(UserStatus newStatus) {
        return new User(username, passwordHash, roles, newStatus, createdAt, lastLogin, email);
    }

    public User withLastLogin(LastLogin login) {
        return new User(username, passwordHash, roles, status, createdAt, Optional.of(login), email);
    }

    /** The same account with this email address (normalised), or none. */
    public User withEmail(Optional<String> address) {
        return new User(username, passwordHash, roles, status, createdAt, lastLogin, address);
    }

    @Override
    public String toString() {
        return "User[" + username + ", roles=" + roles + ", status=" + status.label() + "]";
    }
}
