package dev.gatehouse.http.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.core.port.in.Refused;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Every error the API gives: a stable code for programs, a message for people, and the request's
 * id ({@link RequestIds} fills it in on the way out), which the server's log lines carry too.
 */
@Serdeable
public record ApiError(String error, String message,
                       @JsonProperty("request_id") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String requestId) {

    /** An error without its request id yet. */
    public ApiError(String error, String message) {
        this(error, message, null);
    }

    /** The same error naming the request it answers. */
    public ApiError withRequestId(String id) {
        return new ApiError(error, message, id);
    }

    public static MutableHttpResponse<ApiError> response(HttpStatus status, String error, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(error, message));
    }

    public static MutableHttpResponse<ApiError> unauthenticated() {
        return response(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first, or send a valid API key (Authorization: Bearer KEY or x-api-key: KEY).");
    }

    public static MutableHttpResponse<ApiError> csrf() {
        return response(HttpStatus.FORBIDDEN, "csrf",
                "This request changes state but did not come from this site (Origin/Referer missing or foreign).");
    }

    public static MutableHttpResponse<ApiError> badRequest(String message) {
        return response(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    /** 403 {@code forbidden}: signed in, but not allowed to do this. */
    public static MutableHttpResponse<ApiError> forbidden(String message) {
        return response(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    /** 403 {@code forbidden} for a non-administrator on an administrators' route. */
    public static MutableHttpResponse<ApiError> adminsOnly() {
        return forbidden(Refused.adminsOnly().message());
    }

    /** 404 {@code not_found}: the thing named in the path is not there (or not the caller's). */
    public static MutableHttpResponse<ApiError> notFound(String message) {
        return response(HttpStatus.NOT_FOUND, "not_found", message);
    }

    /** 404 {@code user_not_found}. */
    public static MutableHttpResponse<ApiError> userNotFound(String username) {
        return response(HttpStatus.NOT_FOUND, "user_not_found", Refused.noSuchUser(username).message());
    }

    /** 404 {@code token_not_found}: no API key has the id in the path. */
    public static MutableHttpResponse<ApiError> tokenNotFound(String message) {
        return response(HttpStatus.NOT_FOUND, "token_not_found", message);
    }

    /**
     * The one translation of core's refusals into HTTP. {@code action} is the verb refused
     * ({@code "lock"}, {@code "delete"}): refusing to act on oneself or on an administrator gives
     * {@code cannot_<action>_self} and {@code cannot_<action>_admin}.
     */
    public static MutableHttpResponse<ApiError> refused(Refused refused, String action) {
        String message = refused.message();
        return switch (refused.reason()) {
            case NOT_ALLOWED -> forbidden(message);
            case NOT_FOUND -> response(HttpStatus.NOT_FOUND, "user_not_found", message);
            case SELF -> response(HttpStatus.FORBIDDEN, "cannot_" + action + "_self", message);
            case TARGET_IS_ADMIN -> response(HttpStatus.FORBIDDEN, "cannot_" + action + "_admin", message);
            case WRONG_PASSWORD -> response(HttpStatus.FORBIDDEN, "wrong_password", message);
            case WEAK_PASSWORD -> response(HttpStatus.BAD_REQUEST, "weak_password", message);
            case EXISTS -> response(HttpStatus.CONFLICT, "user_exists", message);
            case INVALID -> badRequest(message);
        };
    }
}
