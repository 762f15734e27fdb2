package dev.gatehouse.http.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request gets an id: sent back as {@code X-Request-Id}, on every log line written while
 * it is handled ({@link #current()}: the log's layout asks for it when it writes a line, on
 * whichever thread does the work; nothing is copied at each thread hop, which every request would
 * pay for whether it logs or not), and
 * in every JSON error answer as {@code request_id}, so a person's report and the server's log
 * meet. A trusted proxy's {@code X-Request-Id} is kept when it is short and plain (letters,
 * digits, {@code . _ -}, at most 64), so the proxy's log and ours share it; anyone else's is
 * ignored, as a client could otherwise write lines into the log under an id of its choosing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds {

    /** The header that carries the id both ways. */
    public static final String HEADER = "X-Request-Id";
    /** The name log lines show the id under (also an MDC key, for the lines {@link #inLog} writes). */
    public static final String MDC_KEY = "request_id";

    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ClientFacts client;

    RequestIds(ClientFacts client) {
        this.client = client;
    }

    /** The id of {@code request}, once this filter has seen it. */
    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }

    /**
     * The id of the request being handled on this thread, if any: Micronaut carries the request
     * itself to every thread that works on it, so the id needs no carrying of its own.
     */
    public static Optional<String> current() {
        return ServerRequestContext.currentRequest().flatMap(RequestIds::of);
    }

    /**
     * Puts the request's id in the MDC until the returned handle closes: for log lines written
     * where the request is at hand but the propagated context may not be (error handlers).
     */
    public static MDC.MDCCloseable inLog(HttpRequest<?> request) {
        return MDC.putCloseable(MDC_KEY, of(request).orElse(null));
    }

    @RequestFilter
    void assign(HttpRequest<?> request) {
        String id = request.getHeaders().get(HEADER, String.class)
                .filter(given -> PLAIN.matcher(given).matches() && client.fromTrustedProxy(request))
                .orElseGet(RequestIds::fresh);
        request.setAttribute(ATTRIBUTE, id);
    }

    @ResponseFilter
    void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<String> id = of(request);
        if (id.isEmpty()) {
            return;
        }
        response.header(HEADER, id.get());
        if (response.getBody().orElse(null) instanceof ApiError error && error.requestId() == null) {
            ((MutableHttpResponse<Object>) response).body(error.withRequestId(id.get()));
        }
    }

    /** 16 hex digits: unique enough to find one request in a log, cheap enough for every request. */
    private static String fresh() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return "0".repeat(16 - hex.length()) + hex;
    }
}
