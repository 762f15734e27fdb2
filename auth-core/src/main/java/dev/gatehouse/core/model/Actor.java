package dev.gatehouse.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks for a change and from where. A signed-in user carries their name and roles; the
 * local operator (someone with the store on their disk, using the CLI) is an administrator
 * without an account.
 */
public record Actor(Optional<Username> username, boolean admin, String clientIp, String via) {

    public Actor {
        Objects.requireNonNull(username, "username");
        clientIp = clientIp == null ? "" : clientIp;
        via = via == null ? "" : via;
    }

    /** The person at the command line: trusted as an administrator. */
    public static Actor operator() {
        return new Actor(Optional.empty(), true, "local", "cli");
    }

    /** A signed-in user. */
    public static Actor user(User user, String clientIp) {
        return new Actor(Optional.of(user.username()), user.isAdmin(), clientIp, "web");
    }

    /** Someone not signed in (sign-in, setup, registration). */
    public static Actor anonymous(String clientIp) {
        return new Actor(Optional.empty(), false, clientIp, "web");
    }

    /** Whoever holds the server's one-time setup code, making the first administrator. */
    public static Actor setup(String clientIp) {
        return new Actor(Optional.empty(), true, clientIp, "setup");
    }

    /** True when the actor is the user named. */
    public boolean is(Username other) {
        return username.map(other::equals).orElse(false);
    }

    /** The name written to the audit log. */
    public String auditName() {
        return username.map(Username::value).orElse(switch (via) {
            case "cli" -> "operator";
            case "setup" -> "setup";
            default -> "anonymous";
        });
    }

}
