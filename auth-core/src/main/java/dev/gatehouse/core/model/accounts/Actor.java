package dev.gatehouse.core.model.accounts;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks for a change and from where. A signed-in user carries their name and roles; the
 * local operator (someone with the store on their disk, using the CLI) is an administrator
 * without an account. While an administrator acts as a user, {@code impersonator} names the
 * administrator: the audit log records both.
 */
public record Actor(Optional<Username> username, boolean admin, String clientIp, String via,
                    Optional<Username> impersonator) {

    public Actor {
        Objects.requireNonNull(username, "username");
        clientIp = clientIp == null ? "" : clientIp;
        via = via == null ? "" : via;
        Objects.requireNonNull(impersonator, "impersonator");
    }

    /** Someone acting as themselves. */
    public Actor(Optional<Username> username, boolean admin, String clientIp, String via) {
        this(username, admin, clientIp, via, Optional.empty());
    }

    /** The same actor, acting for {@code administrator} (who is impersonating them). */
    public Actor impersonatedBy(Optional<Username> administrator) {
        return new Actor(username, admin, clientIp, via, administrator);
    }

    /** True while an administrator acts as this user. */
    public boolean isImpersonated() {
        return impersonator.isPresent();
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
