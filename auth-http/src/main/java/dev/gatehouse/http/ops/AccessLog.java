package dev.gatehouse.http.ops;

import dev.gatehouse.http.config.LogSettings;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.LoggedTarget;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.security.Principal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log ({@code --access-log}): one line per request, written when its answer leaves,
 * {@code GET /api/me 200 3 ms user=alice client=203.0.113.7} (the request id follows as on every
 * line), with the same facts as fields in JSON lines. The query's secret-looking values are
 * masked ({@link LoggedTarget}); no header, cookie or body is ever written. Off, it costs one
 * level check per request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // inside RequestIds (the id is set), outside everything that may refuse
public class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger(LogSettings.ACCESS_LOGGER);
    private static final String STARTED = AccessLog.class.getName() + ".started";

    private final ClientFacts client;

    AccessLog(ClientFacts client) {
        this.client = client;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        if (LOG.isInfoEnabled()) {
            request.setAttribute(STARTED, System.nanoTime());
        }
    }

    @ResponseFilter
    void written(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<Long> started = request.getAttribute(STARTED, Long.class);
        if (started.isEmpty() || !LOG.isInfoEnabled()) {
            return;
        }
        long millis = (System.nanoTime() - started.get()) / 1_000_000;
        String target = LoggedTarget.of(request);
        String user = user(request).orElse("-");
        String address = client.clientIp(request);
        LOG.atInfo()
                .addKeyValue("method", request.getMethodName())
                .addKeyValue("path", target)
                .addKeyValue("status", response.code())
                .addKeyValue("duration_ms", millis)
                .addKeyValue("user", user)
                .addKeyValue("client", address)
                .log("{} {} {} {} ms user={} client={}", request.getMethodName(), target, response.code(), millis,
                        user, address);
    }

    /**
     * Who called, if anyone was established: the security layer's principal. Only the name: never
     * how they proved it.
     */
    private static Optional<String> user(HttpRequest<?> request) {
        return request.getUserPrincipal().map(Principal::getName);
    }
}
