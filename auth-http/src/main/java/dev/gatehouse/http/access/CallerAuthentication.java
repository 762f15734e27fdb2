package dev.gatehouse.http.access;

import dev.gatehouse.http.web.Caller;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.security.authentication.Authentication;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Caller} as Micronaut Security sees it: named by their username, with the role
 * {@link Roles#ADMIN} for administrators and {@link Roles#USER} for everyone. The caller itself
 * rides along for {@link CallerBinder} and the access rules; it is never serialized (sessions are
 * core's, not Micronaut's).
 */
public final class CallerAuthentication implements Authentication {

    private static final long serialVersionUID = 1L;
    private static final List<String> ADMIN_ROLES = List.of(Roles.ADMIN, Roles.USER);
    private static final List<String> USER_ROLES = List.of(Roles.USER);

    @SuppressWarnings("serial") // never serialized: the record only lives for one request
    private final Caller caller;

    CallerAuthentication(Caller caller) {
        this.caller = caller;
    }

    /** The caller behind {@code authentication}, if it is one of ours. */
    public static Optional<Caller> caller(Object authentication) {
        return authentication instanceof CallerAuthentication known ? Optional.of(known.caller) : Optional.empty();
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.user().username().value();
    }

    @Override
    @NonNull
    public Collection<String> getRoles() {
        return caller.admin() ? ADMIN_ROLES : USER_ROLES;
    }

    @Override
    @NonNull
    public Map<String, Object> getAttributes() {
        return Map.of();
    }

    @Override
    public String toString() {
        return "CallerAuthentication[" + getName() + "]";
    }
}
