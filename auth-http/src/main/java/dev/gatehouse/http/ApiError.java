package dev.gatehouse.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/** Every error the API gives: a stable code for programs and a message for people. */
@Serdeable
public record ApiError(String error, String message) {

    static MutableHttpResponse<ApiError> response(HttpStatus status, String error, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(error, message));
    }

    static MutableHttpResponse<ApiError> unauthenticated() {
        return response(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first: this needs a valid session.");
    }

    static MutableHttpResponse<ApiError> csrf() {
        return response(HttpStatus.FORBIDDEN, "csrf",
                "This request changes state but did not come from this site (Origin/Referer missing or foreign).");
    }

    static MutableHttpResponse<ApiError> badRequest(String message) {
        return response(HttpStatus.BAD_REQUEST, "bad_request", message);
    }
}
