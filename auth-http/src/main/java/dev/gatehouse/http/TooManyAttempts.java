package dev.gatehouse.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.time.Duration;

/** The answer to a throttled sign-in, setup, password-change or key attempt: 429 with {@code Retry-After} in seconds. */
final class TooManyAttempts {

    private TooManyAttempts() {
    }

    static HttpResponse<ApiError> response(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return ApiError.response(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                "Too many failed attempts. Wait " + seconds + (seconds == 1 ? " second" : " seconds") + " and try again.")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
}
