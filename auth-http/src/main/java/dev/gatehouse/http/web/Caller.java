package dev.gatehouse.http.web;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.Principal;
import dev.gatehouse.core.model.sessions.Session;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling, as the access layer established it: a user, and how they proved it — the
 * session they came with, or the API key they presented (neither for the built-in callers of
 * {@code --auth none}).
 */
public record Caller(User user, Optional<Session> session, Optional<ApiKey> key, String clientIp) {

    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(key, "key");
        clientIp = clientIp == null ? "" : clientIp;
    }

    /** A caller without a key. */
    Caller(User user, Optional<Session> session, String clientIp) {
        this(user, session, Optional.empty(), clientIp);
    }

    /** The caller core identified. */
    public static Caller of(Principal principal, String clientIp) {
        return new Caller(principal.user(), principal.session(), principal.apiKey(), clientIp);
    }

    /** An administrator without an account: {@code default} in {@code --auth none}. */
    public static Caller builtIn(String name, String clientIp) {
        return new Caller(new User(Username.of(name), Optional.empty(), EnumSet.of(Role.ADMIN, Role.USER),
                new UserStatus.Active(), Instant.EPOCH, Optional.empty()), Optional.empty(), clientIp);
    }

    /**
     * The caller as core's use cases see them; the audit log tells a key ({@code api}) from a browser,
     * and names the administrator when the session is an impersonation.
     */
    public Actor actor() {
        Actor web = Actor.user(user, clientIp).impersonatedBy(impersonator());
        return key.isEmpty() ? web : new Actor(web.username(), web.admin(), clientIp, "api");
    }

    /** The administrator acting as this user, when the session is an impersonation. */
    public Optional<Username> impersonator() {
        return session.flatMap(Session::impersonator);
    }

    public boolean admin() {
        return user.isAdmin();
    }

    /** True if the caller came with a key that has scopes: a key for the AI server, not for managing Gatehouse. */
    public boolean scoped() {
        return key.filter(k -> !k.scopes().isEmpty()).isPresent();
    }

    /** True if the caller may manage Gatehouse: always without a key, else as {@link Principal#mayManage} says. */
    public boolean mayManage() {
        return key.map(k -> Principal.ofApiKey(user, k).mayManage()).orElse(true);
    }
}
