package dev.gatehouse.http.web;

import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Optional;

/**
 * What the API shows of a user: never the password hash. Times are ISO-8601 instants; fields
 * that do not apply (no email given, no sign-in yet, not locked) are left out.
 */
@Serdeable
public record UserView(String username, @Nullable String email, List<String> roles, boolean admin, @Nullable String status,
                @Nullable String lockedReason, @Nullable String lockedSince,
                @Nullable String created, @Nullable String lastLogin, @Nullable String lastIp,
                @Nullable String impersonator) {

    /** The short form a sign-in answers with. */
    public static UserView brief(User user) {
        return new UserView(user.username().value(), null, roles(user), user.isAdmin(), null, null, null, null, null, null,
                null);
    }

    /** Everything {@code GET /api/me} and the administrators' user list show. */
    public static UserView full(User user) {
        Optional<UserStatus.Locked> locked = user.status() instanceof UserStatus.Locked lock ? Optional.of(lock) : Optional.empty();
        return new UserView(user.username().value(), user.email().orElse(null), roles(user), user.isAdmin(),
                status(user.status()),
                locked.map(UserStatus.Locked::reason).orElse(null),
                locked.flatMap(UserStatus.Locked::since).map(Object::toString).orElse(null),
                user.createdAt().toString(),
                user.lastLogin().map(l -> l.at().toString()).orElse(null),
                user.lastLogin().map(l -> l.clientIp()).filter(ip -> !ip.isBlank()).orElse(null), null);
    }

    /** The same view naming the administrator acting as this user (only {@code GET /api/me} shows it). */
    public UserView actedOnBy(Optional<Username> impersonatedBy) {
        return new UserView(username, email, roles, admin, status, lockedReason, lockedSince, created, lastLogin, lastIp,
                impersonatedBy.map(Username::value).orElse(null));
    }

    private static List<String> roles(User user) {
        return user.roles().stream().sorted().map(Role::label).toList();
    }

    private static String status(UserStatus status) {
        if (status instanceof UserStatus.Locked) {
            return "locked";
        }
        return status instanceof UserStatus.Pending ? "pending" : "active";
    }
}
