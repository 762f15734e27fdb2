package dev.gatehouse.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Request size limits per route: avatar uploads up to {@link AvatarImages#MAX_UPLOAD_BYTES} (the
 * server's overall limit), everything else up to {@link GatehouseServer#MAX_REQUEST_SIZE}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class BodyLimits {

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        long length = request.getContentLength();
        if (length > GatehouseServer.MAX_REQUEST_SIZE && !request.getPath().equals("/api/me/avatar")) {
            return ApiError.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request_too_large",
                    "The request body is " + length + " bytes; at most " + GatehouseServer.MAX_REQUEST_SIZE
                            + " are accepted here.");
        }
        return null;
    }
}
