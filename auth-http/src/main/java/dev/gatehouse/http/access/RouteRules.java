package dev.gatehouse.http.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each route's {@link RouteRule}, read from its annotations once: a request asks two or three times. */
@Singleton
public class RouteRules {

    private final Map<Route, RouteRule> known = new ConcurrentHashMap<>();

    /** The rule of the route the router chose for {@code request}; {@link RouteRule#NO_ROUTE} if it chose none. */
    public RouteRule of(HttpRequest<?> request) {
        return RouteRule.route(request).map(match -> known.computeIfAbsent(new Route(match.getRouteInfo()),
                route -> RouteRule.of(route.info()))).orElse(RouteRule.NO_ROUTE);
    }

    /** A route by identity: Micronaut's routes are equal when their media types are. */
    private record Route(UriRouteInfo<?, ?> info) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Route route && route.info == info;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(info);
        }
    }
}
