package dev.gatehouse.http.access;

import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.SameOrigin;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * A state change sent by another site's page ({@code Origin} names another site) is refused with
 * 403 {@code csrf} unless it comes with an API key (no browser sends one by itself): a foreign page
 * may neither use a browser's cookie nor sign a browser in. Before Micronaut's CORS filter, which
 * would answer such a request to a server on localhost with an empty 403, and before Micronaut
 * Security, which runs after that. A public route never looks at keys, so there a key does not
 * help. {@link ChecksItself} routes judge their callers themselves.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class ForeignPages {

    private final ClientFacts client;
    private final ServerSettings settings;
    private final RouteRules routes;

    ForeignPages(ClientFacts client, ServerSettings settings, RouteRules routes) {
        this.routes = routes;
        this.client = client;
        this.settings = settings;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (!RouteRule.changesState(request.getMethod()) || !request.getHeaders().contains("Origin")) {
            return null;
        }
        RouteRule rule = routes.of(request);
        if (rule.checksItself() || !rule.isPublic() && CallerLookup.presentedKey(request).isPresent()) {
            return null;
        }
        return SameOrigin.check(request, client.secure(request), settings.portal()) ? null : ApiError.csrf();
    }
}
