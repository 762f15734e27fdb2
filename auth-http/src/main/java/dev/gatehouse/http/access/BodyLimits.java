package dev.gatehouse.http.access;

import dev.gatehouse.http.GatehouseServer;
import dev.gatehouse.http.web.ApiError;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Request size limits per route: avatar uploads up to {@link AvatarImages#MAX_UPLOAD_BYTES} (the
 * server's overall limit, which Micronaut holds every body to by the bytes that arrive), everything
 * else up to {@link GatehouseServer#MAX_REQUEST_SIZE}. A body that states its length is judged by
 * it (the connection carries no more than it says); a chunked one, which states none, is counted
 * as it arrives, so chunking is no way around the limit.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class BodyLimits {

    @RequestFilter
    CompletableFuture<Optional<HttpResponse<?>>> check(HttpRequest<?> request) {
        if (request.getPath().equals("/api/me/avatar")) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        long length = request.getContentLength();
        if (length > GatehouseServer.MAX_REQUEST_SIZE) {
            return CompletableFuture.completedFuture(Optional.of(tooLarge("is " + length + " bytes")));
        }
        // A request without Content-Length has a body only if it is chunked (HTTP/1.1); forward-auth
        // checks, every one a GET, take this way out before any body is looked at.
        if (length >= 0 || !request.getHeaders().contains("Transfer-Encoding")
                || !(request instanceof ServerHttpRequest<?> server)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        OptionalLong expected = server.byteBody().expectedLength();
        if (expected.isPresent()) {
            return CompletableFuture.completedFuture(expected.getAsLong() > GatehouseServer.MAX_REQUEST_SIZE
                    ? Optional.of(tooLarge("is " + expected.getAsLong() + " bytes")) : Optional.empty());
        }
        // A copy of the body, read as fast as it comes (the route reads the original later); the
        // server's overall limit bounds what is held.
        return server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer()
                .thenApply(BodyLimits::judged);
    }

    private static Optional<HttpResponse<?>> judged(CloseableAvailableByteBody copy) {
        try (copy) {
            return copy.length() > GatehouseServer.MAX_REQUEST_SIZE
                    ? Optional.of(tooLarge("is more than " + GatehouseServer.MAX_REQUEST_SIZE + " bytes"))
                    : Optional.empty();
        }
    }

    private static HttpResponse<?> tooLarge(String what) {
        return ApiError.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request_too_large",
                "The request body " + what + "; at most " + GatehouseServer.MAX_REQUEST_SIZE
                        + " bytes are accepted here (avatar uploads excepted).");
    }
}
