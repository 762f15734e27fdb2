package dev.gatehouse.http.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * An error answer decided while reading a request (a malformed body, a name in the path that
 * cannot exist), thrown so the controller reads straight through. A type of its own, so no other
 * exception turns into a 4xx by accident.
 */
public final class ApiErrorException extends RuntimeException {

    private final transient MutableHttpResponse<ApiError> response;

    public ApiErrorException(MutableHttpResponse<ApiError> response) {
        super(response.getBody().map(ApiError::message).orElse(""), null, false, false);
        this.response = response;
    }

    /** 400 {@code bad_request}: the client must fix the request as {@code message} says. */
    public static ApiErrorException badRequest(String message) {
        return new ApiErrorException(ApiError.badRequest(message));
    }

    /** Answers an {@link ApiErrorException} thrown anywhere in a controller with its response. */
    @Singleton
    @Produces
    static class Handler implements ExceptionHandler<ApiErrorException, HttpResponse<ApiError>> {

        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, ApiErrorException exception) {
            return exception.response;
        }
    }
}
