package dev.gatehouse.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.accounts.EmailAddress;
import dev.gatehouse.core.model.accounts.LastLogin;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of llms.py's users.json and the {@link User} it stands for. Writing changes only the
 * fields whose meaning changed, so every other field, role string and number keeps its exact form.
 */
final class UserEntries {

    static final String PASSWORD_HASH = "password_hash";
    static final String CREATED = "created";
    static final String ROLES = "roles";
    static final String LAST_IP = "lastIp";
    static final String LAST_LOGIN = "lastLogin";
    static final String LOCKED = "locked";
    /** Gatehouse's own: when the lock was set (llms.py does not record it). */
    static final String LOCKED_AT = "lockedAt";
    /** Gatehouse's own: "pending" while a registration waits for approval. */
    static final String STATUS = "status";
    static final String PENDING = "pending";
    /** Gatehouse's own: the user's email address, if they gave one (llms.py ignores the key). */
    static final String EMAIL = "email";

    private UserEntries() {
    }

    /** The user stored under {@code key}; throws {@link CorruptFileException} naming the entry. */
    static User read(String key, JsonNode value) {
        Username name = username(key);
        String what = "the user \"" + key + "\"";
        Fields fields = new Fields(Fields.object(value, what), what);
        Optional<String> hash = fields.optionalText(PASSWORD_HASH).filter(h -> !h.isEmpty());
        Instant created = fields.seconds(CREATED);
        Set<Role> roles = roles(fields);
        Optional<LastLogin> lastLogin = fields.optionalSeconds(LAST_LOGIN)
                .map(at -> new LastLogin(at, fields.optionalText(LAST_IP).orElse("")));
        Optional<String> email;
        try {
            email = fields.optionalText(EMAIL).filter(e -> !e.isBlank()).map(EmailAddress::normalise);
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has " + what + " whose \"" + EMAIL + "\" is not valid: " + e.getMessage()
                    + " Fix or remove that field");
        }
        return new User(name, hash, roles, status(fields), created, lastLogin, email);
    }

    private static Username username(String key) {
        try {
            Username name = Username.of(key);
            if (!name.value().equals(key)) {
                throw new IllegalArgumentException("It has spaces around it.");
            }
            return name;
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has a user named \"" + key + "\" that Gatehouse cannot use: "
                    + e.getMessage() + " Rename or remove that entry");
        }
    }

    private static Set<Role> roles(Fields fields) {
        Set<Role> roles = EnumSet.of(Role.USER);
        Optional<JsonNode> array = fields.optional(ROLES);
        if (array.isEmpty()) {
            return roles;
        }
        if (!array.get().isArray()) {
            throw fields.wrong(ROLES, array.get(), "an array of role names such as [\"Admin\"]");
        }
        for (JsonNode role : array.get()) {
            if (!role.isTextual()) {
                throw fields.wrong(ROLES, array.get(), "an array of role names (text) such as [\"Admin\"]");
            }
            Role.parse(role.textValue()).filter(Role.ADMIN::equals).ifPresent(roles::add);
        }
        return roles;
    }

    /**
     * llms.py's {@code locked} holds the reason. A lock wins over Gatehouse's pending status: both
     * refuse sign-in, and only the lock's reason tells the user something.
     */
    private static UserStatus status(Fields fields) {
        Optional<JsonNode> locked = fields.optional(LOCKED);
        if (locked.isPresent() && !(locked.get().isBoolean() && !locked.get().booleanValue())) {
            if (!locked.get().isTextual() && !locked.get().isBoolean()) {
                throw fields.wrong(LOCKED, locked.get(), "the lock reason (text), or absent when unlocked");
            }
            String reason = locked.get().isTextual() ? locked.get().textValue() : null;
            return new UserStatus.Locked(reason, fields.optionalSeconds(LOCKED_AT));
        }
        Optional<String> status = fields.optionalText(STATUS);
        if (status.isEmpty()) {
            return UserStatus.ACTIVE;
        }
        if (status.get().equals(PENDING)) {
            return UserStatus.PENDING;
        }
        throw fields.wrong(STATUS, fields.optional(STATUS).orElseThrow(),
                "\"" + PENDING + "\" for a user awaiting approval, or absent");
    }

    /**
     * Writes {@code after} into {@code entry}, which held {@code before} ({@code null} for a new
     * entry). Only what differs is touched; new entries get llms.py's field order.
     */
    static void write(ObjectNode entry, User before, User after) {
        if (before == null || !before.passwordHash().equals(after.passwordHash())) {
            after.passwordHash().ifPresentOrElse(h -> entry.put(PASSWORD_HASH, h), () -> entry.remove(PASSWORD_HASH));
        }
        if (before == null || !before.createdAt().equals(after.createdAt())) {
            entry.put(CREATED, Json.seconds(after.createdAt()));
        }
        if (before == null || before.isAdmin() != after.isAdmin()) {
            entry.set(ROLES, roles(entry, after.isAdmin()));
        }
        if (before == null || !before.lastLogin().equals(after.lastLogin())) {
            writeLastLogin(entry, after.lastLogin());
        }
        if (before == null || !before.status().equals(after.status())) {
            writeStatus(entry, after.status());
        }
        if (before == null || !before.email().equals(after.email())) {
            after.email().ifPresentOrElse(e -> entry.put(EMAIL, e), () -> entry.remove(EMAIL));
        }
    }

    /** The Admin role added or removed; every other role string kept as it was. */
    private static ArrayNode roles(ObjectNode entry, boolean admin) {
        ArrayNode roles = entry.arrayNode();
        if (admin) {
            roles.add(Role.ADMIN.label());
        }
        JsonNode existing = entry.get(ROLES);
        if (existing != null && existing.isArray()) {
            for (JsonNode role : existing) {
                if (!Role.parse(role.asText()).filter(Role.ADMIN::equals).isPresent()) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static void writeLastLogin(ObjectNode entry, Optional<LastLogin> lastLogin) {
        if (lastLogin.isPresent()) {
            entry.put(LAST_IP, lastLogin.get().clientIp());
            entry.put(LAST_LOGIN, Json.seconds(lastLogin.get().at()));
        } else {
            entry.remove(LAST_IP);
            entry.remove(LAST_LOGIN);
        }
    }

    private static void writeStatus(ObjectNode entry, UserStatus status) {
        entry.remove(STATUS);
        if (status instanceof UserStatus.Locked locked) {
            entry.put(LOCKED, locked.reason());
            locked.since().ifPresentOrElse(at -> entry.put(LOCKED_AT, Json.seconds(at)), () -> entry.remove(LOCKED_AT));
            return;
        }
        entry.remove(LOCKED);
        entry.remove(LOCKED_AT);
        if (status instanceof UserStatus.Pending) {
            entry.put(STATUS, PENDING);
        }
    }
}
