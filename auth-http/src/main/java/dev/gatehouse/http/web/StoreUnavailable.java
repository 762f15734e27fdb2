package dev.gatehouse.http.web;

import dev.gatehouse.core.port.out.StoreException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a store that cannot do its job (database down, file unreadable: a
 * {@link StoreException} from any route, filter or controller) becomes an answer: 503
 * {@code store_unavailable} with {@code Retry-After}, as JSON, or as a page for a browser opening
 * one. What failed goes to the log, never to the client (the message names the store).
 */
public final class StoreUnavailable {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    static final String MESSAGE = "Gatehouse cannot reach its store (database or data directory) right now, so it"
            + " cannot check or change anything. Try again in a moment; if this lasts, the server's log says why.";

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailable.class);

    private StoreUnavailable() {
    }

    /** The store failure behind {@code failure}, if one is anywhere in its causes. */
    static Optional<StoreException> cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException store) {
                return Optional.of(store);
            }
        }
        return Optional.empty();
    }

    /** Logs the failure of {@code request} (one line: the store's own message names the store and what to check). */
    static void log(HttpRequest<?> request, StoreException failure) {
        try (var id = RequestIds.inLog(request)) {
            LOG.error("Request {} {} failed: the store does not answer: {}", request.getMethodName(), LoggedTarget.of(request),
                    failure.getMessage(), failure);
        }
    }

    /** 503 {@code store_unavailable} with {@code Retry-After}, as JSON. */
    static MutableHttpResponse<ApiError> json() {
        return ApiError.response(HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", MESSAGE)
                .header(io.micronaut.http.HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }

    private static MutableHttpResponse<String> page() {
        return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_HTML_TYPE)
                .header(io.micronaut.http.HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .header(io.micronaut.http.HttpHeaders.CACHE_CONTROL, "no-store")
                .body("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unavailable · Gatehouse</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/assets/gatehouse.css"></head>
                <body><main class="narrow"><h1>Gatehouse is unavailable</h1>
                <p>Gatehouse cannot reach its store (database or data directory) right now. Try again in a
                moment; if this lasts, tell whoever runs this server: its log says why.</p></main></body></html>
                """);
    }

    /** Answers a {@link StoreException} thrown anywhere while handling a request. */
    @Singleton
    @Produces
    static class Handler implements ExceptionHandler<StoreException, HttpResponse<?>> {

        @Override
        public HttpResponse<?> handle(HttpRequest request, StoreException exception) {
            log(request, exception);
            return PageRequest.isPageView(request) ? page() : json();
        }
    }
}
