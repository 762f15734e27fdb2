package dev.gatehouse.http.web;

import dev.gatehouse.core.port.out.StoreException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error Micronaut itself produces (404, 405, 413, 415, 500...) in our shape,
 * {@code {"error": "...", "message": "..."}}. Server errors never carry detail: that goes to the log.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ErrorResponses implements ErrorResponseProcessor<ApiError> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    @Override
    @NonNull
    public MutableHttpResponse<ApiError> processResponse(@NonNull ErrorContext context, @NonNull MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        ApiError body;
        Optional<StoreException> store = context.getRootCause().flatMap(StoreUnavailable::cause);
        if (store.isPresent()) {
            // A store failure wrapped in another exception (a filter's future, a library's own):
            // the same answer as StoreUnavailable.Handler gives.
            StoreUnavailable.log(context.getRequest(), store.get());
            MutableHttpResponse<ApiError> unavailable = StoreUnavailable.json();
            return response.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, unavailable.getHeaders().get(HttpHeaders.RETRY_AFTER))
                    .body(unavailable.getBody().orElseThrow()).contentType("application/json");
        }
        if (status.getCode() >= 500) {
            context.getRootCause().ifPresent(cause -> {
                try (var id = RequestIds.inLog(context.getRequest())) {
                    LOG.error("Request {} {} failed", context.getRequest().getMethodName(), LoggedTarget.of(context.getRequest()), cause);
                }
            });
            body = new ApiError("internal", "Something went wrong on the server; it has been logged. Try again later.");
        } else {
            String message = context.getErrors().stream().map(Error::getMessage).findFirst().orElse(status.getReason());
            body = new ApiError(code(status), message);
        }
        return response.body(RequestIds.of(context.getRequest()).map(body::withRequestId).orElse(body))
                .contentType("application/json");
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case REQUEST_ENTITY_TOO_LARGE -> "request_too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }
}
