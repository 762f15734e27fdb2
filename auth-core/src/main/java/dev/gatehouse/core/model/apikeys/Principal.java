package dev.gatehouse.core.model.apikeys;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling and how they proved it: with a session (a browser), an API key a user owns, or a
 * static key from configuration. {@code scopes} narrow the user's rights (empty: all of them);
 * they come from the key, so a session never has any.
 */
public record Principal(User user, Credential how, Optional<Session> session, Optional<ApiKey> apiKey,
                        Set<String> scopes) {

    /** What the caller presented. */
    public enum Credential { SESSION, API_KEY, STATIC_KEY }

    public Principal {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(apiKey, "apiKey");
        scopes = ApiKey.checkedScopes(scopes);
        if ((how == Credential.SESSION) != session.isPresent()) {
            throw new IllegalArgumentException("A principal has a session exactly when it signed in with one.");
        }
        if ((how != Credential.SESSION) != apiKey.isPresent()) {
            throw new IllegalArgumentException("A principal has an API key exactly when it presented one.");
        }
    }

    /** A signed-in user. */
    public static Principal ofSession(User user, Session session) {
        return new Principal(user, Credential.SESSION, Optional.of(session), Optional.empty(), Set.of());
    }

    /** A user's key, with the key's scopes. */
    public static Principal ofApiKey(User user, ApiKey key) {
        return new Principal(user, Credential.API_KEY, Optional.empty(), Optional.of(key), key.scopes());
    }

    /** A key from configuration, acting as {@code user}. */
    public static Principal ofStaticKey(User user, ApiKey key) {
        return new Principal(user, Credential.STATIC_KEY, Optional.empty(), Optional.of(key), key.scopes());
    }

    public Username username() {
        return user.username();
    }

    public boolean isAdmin() {
        return user.isAdmin();
    }

    /**
     * True if the caller may use {@code scope}: always without scopes, else when a scope equals it
     * or ends in {@code *} and is a prefix of it ({@code models:*} permits {@code models:llama}).
     */
    public boolean permits(String scope) {
        if (scopes.isEmpty()) {
            return true;
        }
        for (String granted : scopes) {
            if (grants(granted, scope)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if the caller may manage Gatehouse (not only ask the AI server): a session, a key without
     * scopes, or a key carrying {@link ApiKey#MANAGE_SCOPE} itself (no wildcard grants it).
     */
    public boolean mayManage() {
        return scopes.isEmpty() || scopes.contains(ApiKey.MANAGE_SCOPE);
    }

    /** True if the one scope {@code granted} covers {@code scope}: equal, or ending in {@code *} and a prefix of it. */
    public static boolean grants(String granted, String scope) {
        return granted.equals(scope)
                || granted.endsWith("*") && scope.startsWith(granted.substring(0, granted.length() - 1));
    }

    /** The administrator acting as this user, when the session is an impersonation. */
    public Optional<Username> impersonator() {
        return session.flatMap(Session::impersonator);
    }

    /** The actor for use cases this caller asks for; {@code via} tells the audit log a key from a browser. */
    public Actor actor(String clientIp) {
        return new Actor(Optional.of(user.username()), user.isAdmin(), clientIp, how == Credential.SESSION ? "web" : "api",
                impersonator());
    }
}
