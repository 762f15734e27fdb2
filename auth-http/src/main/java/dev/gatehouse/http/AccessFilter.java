package dev.gatehouse.http;

import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.in.ValidateSession.SignedInUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import java.util.Set;

/**
 * Deny by default: a request passes only if its route is on the public list, or it carries a
 * valid session cookie. The session is resolved once here and handed to controllers as a request
 * attribute ({@link #current}). Cookie-authenticated state changes must come from our own origin.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class AccessFilter {

    /** Routes anyone may call, as "METHOD path". Everything else needs a session. */
    static final Set<String> PUBLIC = Set.of("GET /healthz", "GET /readyz", "POST /api/auth/login");

    private static final String SIGNED_IN = AccessFilter.class.getName() + ".signedIn";

    private final ValidateSession validateSession;
    private final ClientFacts client;

    AccessFilter(ValidateSession validateSession, ClientFacts client) {
        this.validateSession = validateSession;
        this.client = client;
    }

    /** The caller of a request that passed this filter on a non-public route. */
    static Caller current(HttpRequest<?> request) {
        return caller(request)
                .orElseThrow(() -> new IllegalStateException("No caller on " + request.getPath() + "; is it public?"));
    }

    /** The caller, if the filter established one (public routes have none). */
    static Optional<Caller> caller(HttpRequest<?> request) {
        return request.getAttribute(SIGNED_IN, Caller.class);
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        boolean changesState = changesState(request.getMethod());
        // HEAD is GET without the body, so a public GET is public for HEAD too.
        String method = request.getMethod() == HttpMethod.HEAD ? "GET" : request.getMethodName();
        if (PUBLIC.contains(method + " " + request.getPath())) {
            // No cookie authenticates these, but a foreign page must not sign a browser in either.
            boolean foreign = request.getHeaders().contains("Origin") && !SameOrigin.check(request);
            return changesState && foreign ? ApiError.csrf() : null;
        }
        Optional<String> token = SessionCookie.token(request);
        if (token.isEmpty()) {
            return ApiError.unauthenticated();
        }
        if (changesState && !SameOrigin.check(request)) {
            return ApiError.csrf();
        }
        Optional<SignedInUser> signedIn = validateSession.validate(token.get());
        if (signedIn.isEmpty()) {
            return ApiError.unauthenticated();
        }
        request.setAttribute(SIGNED_IN, new Caller(signedIn.get().user(), Optional.of(signedIn.get().session()),
                client.clientIp(request)));
        return null;
    }

    private static boolean changesState(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
    }
}
