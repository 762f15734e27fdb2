package dev.gatehouse.cli.support;

import dev.gatehouse.core.model.accounts.LastLogin;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Users as {@code user list --json} prints them: an array of objects with stable field names.
 *
 * <pre>
 * username   string
 * email      string, only when the user gave one (registration)
 * roles      array of strings, "Admin" first; every user has "User"
 * status     "Active", "Locked" or "Pending"
 * lockReason string, only when locked
 * lockedAt   ISO-8601 instant, only when locked and the store knows when (llms.py's does not)
 * created    ISO-8601 instant (UTC)
 * lastLogin  ISO-8601 instant, only after a sign-in
 * lastIp     string, only after a sign-in from a known address
 * signIn     array of strings: "password" if the user has one, then "provider:login" per linked identity
 * </pre>
 *
 * Written by hand (no JSON library) to keep start-up fast; non-ASCII characters are escaped so
 * the output is the same in any locale.
 */
public final class UserJson {

    private UserJson() {
    }

    public static String array(List<User> users) {
        return array(users, Map.of());
    }

    /** The users, each with its sign-in methods from {@code links}. */
    public static String array(List<User> users, Map<Username, List<IdentityLink>> links) {
        if (users.isEmpty()) {
            return "[]";
        }
        return users.stream().map(user -> object(user, links.getOrDefault(user.username(), List.of())).toString())
                .collect(Collectors.joining(",\n", "[\n", "\n]"));
    }

    /** One user's object, still open for more fields: close it with {@code '}'}. */
    public static StringBuilder open(User user, List<IdentityLink> links) {
        StringBuilder json = new StringBuilder("  {");
        field(json, "username", string(user.username().value()));
        user.email().ifPresent(email -> field(json, "email", string(email)));
        field(json, "roles", user.roles().stream().sorted().map(Role::label).map(UserJson::string)
                .collect(Collectors.joining(", ", "[", "]")));
        field(json, "status", string(user.status().label()));
        if (user.status() instanceof UserStatus.Locked locked) {
            field(json, "lockReason", string(locked.reason()));
            locked.since().ifPresent(since -> field(json, "lockedAt", string(since.toString())));
        }
        field(json, "created", string(user.createdAt().toString()));
        if (user.lastLogin().isPresent()) {
            LastLogin login = user.lastLogin().get();
            field(json, "lastLogin", string(login.at().toString()));
            if (!login.clientIp().isEmpty()) {
                field(json, "lastIp", string(login.clientIp()));
            }
        }
        field(json, "signIn", UserTable.signIn(user, links).stream().map(UserJson::string)
                .collect(Collectors.joining(", ", "[", "]")));
        return json;
    }

    private static StringBuilder object(User user, List<IdentityLink> links) {
        return open(user, links).append('}');
    }

    /** Adds {@code "name": value} to an open object; {@code value} is JSON already. */
    public static void field(StringBuilder json, String name, String value) {
        if (json.charAt(json.length() - 1) != '{') {
            json.append(", ");
        }
        json.append('"').append(name).append("\": ").append(value);
    }

    /** A JSON string literal. */
    public static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
