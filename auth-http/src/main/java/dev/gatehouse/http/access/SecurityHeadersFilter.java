package dev.gatehouse.http.access;

import dev.gatehouse.http.web.ClientFacts;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every response carries, errors included. It runs outermost, so answers made by the
 * access layer (401, 403) and by error handlers get them too. Responses to requests that came
 * over TLS (directly, or as a trusted proxy says) carry {@code Strict-Transport-Security}, so
 * browsers use TLS for this host from then on; plain HTTP gets none (it would be ignored, and a
 * local server without TLS must stay reachable).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter {

    /** One year; no includeSubDomains: other hosts under the same name are not ours to bind. */
    static final String HSTS = "max-age=31536000";

    private final ClientFacts client;

    SecurityHeadersFilter(ClientFacts client) {
        this.client = client;
    }

    public static final String CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (client.secure(request)) {
            response.header("Strict-Transport-Security", HSTS);
        }
        response.header("Content-Security-Policy", CSP);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("X-Frame-Options", "DENY");
    }
}
