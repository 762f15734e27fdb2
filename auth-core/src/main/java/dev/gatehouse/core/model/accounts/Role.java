package dev.gatehouse.core.model.accounts;

import java.util.Locale;
import java.util.Optional;

/** What a user is: an administrator or an ordinary user. Every user is at least USER. */
public enum Role {
    ADMIN("Admin"),
    USER("User");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The name people and llms.py's users.json use ("Admin"). */
    public String label() {
        return label;
    }

    /** Reads a role name case-insensitively; unknown names are empty, not an error. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.label.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
