package dev.gatehouse.http.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;

/** The answer to a throttled sign-in, setup, password-change or key attempt: 429 with {@code Retry-After} in seconds. */
public final class TooManyAttempts {

    private TooManyAttempts() {
    }

    public static MutableHttpResponse<ApiError> response(Duration wait) {
        return response(wait, "Too many failed attempts.");
    }

    /** Too many wrong API keys from the client's address: every key waits, a right one too. */
    public static MutableHttpResponse<ApiError> wrongKeys(Duration wait) {
        return response(wait, "Too many wrong API keys from your address.");
    }

    private static MutableHttpResponse<ApiError> response(Duration wait, String what) {
        long seconds = Math.max(1, wait.toSeconds());
        return ApiError.response(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                what + " Wait " + seconds + (seconds == 1 ? " second" : " seconds") + " and try again.")
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
}
