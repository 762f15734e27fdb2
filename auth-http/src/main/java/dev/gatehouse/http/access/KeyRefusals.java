package dev.gatehouse.http.access;

import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/**
 * What a route's key rule ({@link KeyRule}) answers a caller who came with a key: nothing for
 * a caller without one, {@code 403 scope_forbidden} for a key with scopes on a route for managing
 * Gatehouse, {@code 403 session_required} for any key where a person must sign in.
 */
public final class KeyRefusals {

    /** The error code for a key with scopes on a route for managing Gatehouse. */
    public static final String SCOPE_FORBIDDEN = "scope_forbidden";
    /** The error code for any key on a route that needs a person who signed in. */
    public static final String SESSION_REQUIRED = "session_required";

    private KeyRefusals() {
    }

    /** The refusal for {@code caller} on {@code rule}'s route, or null if their key (or having none) may use it. */
    @Nullable
    static HttpResponse<?> refusal(HttpRequest<?> request, RouteRule rule, Caller caller) {
        if (caller.key().isEmpty()) {
            return null;
        }
        return switch (rule.keys()) {
            // NARROWER: what the key asks for is in the body, which ApiKeyAnswers checks.
            case ANY, NARROWER -> null;
            case ITSELF -> caller.mayManage() || RouteRule.variable(request, "id")
                    .filter(id -> id.equals(caller.key().get().id().value())).isPresent() ? null : scopeForbidden(request, rule, caller);
            case MANAGE -> caller.mayManage() ? null : scopeForbidden(request, rule, caller);
            case NONE -> ApiError.response(HttpStatus.FORBIDDEN, SESSION_REQUIRED, RouteRule.label(request, rule)
                    + " needs a person who signed in: no API key may change a password or act as another user."
                    + " Sign in to Gatehouse and do it there.");
        };
    }

    private static HttpResponse<?> scopeForbidden(HttpRequest<?> request, RouteRule rule, Caller caller) {
        return ApiError.response(HttpStatus.FORBIDDEN, SCOPE_FORBIDDEN, "This key has scopes ("
                + String.join(", ", caller.key().orElseThrow().scopes()) + "), so it can only be used for the AI server,"
                + " not for " + RouteRule.label(request, rule) + ". Sign in, or use a key without scopes (or one"
                + " with the scope " + ApiKey.MANAGE_SCOPE + ") to manage Gatehouse.");
    }
}
