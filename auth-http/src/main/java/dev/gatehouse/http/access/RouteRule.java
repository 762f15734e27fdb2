package dev.gatehouse.http.access;

import dev.gatehouse.http.access.KeyRule.Keys;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the access layer needs to know of the route the router chose, read from its annotations:
 * {@code @Secured} (who), {@link KeyRule} (which keys), {@link NotDuringSetup} and
 * {@link ChecksItself}. The rule comes from the route the router matched (its method and
 * template), never from the raw path, so every spelling the router accepts ({@code /metrics/},
 * {@code ro%6Ft} in a variable) meets the same rule, and spellings it does not route
 * ({@code //api/...}, {@code /API/...}, {@code ;params}) reach no controller at all.
 *
 * @param template the router's template, e.g. {@code /api/tokens/{id}}; empty for no route
 * @param roles    what {@code @Secured} asks for; empty when the route has no {@code @Secured} (it is refused)
 */
public record RouteRule(String template, List<String> roles, Keys keys, boolean duringSetup, boolean checksItself) {

    /** What a request matches when the router found no route (404, 405): a caller is needed, and nothing runs. */
    static final RouteRule NO_ROUTE = new RouteRule("", List.of(SecurityRule.IS_AUTHENTICATED), Keys.MANAGE, false, false);

    /** Anyone may call it, without a caller: keys are not even looked at. */
    public boolean isPublic() {
        return roles.contains(SecurityRule.IS_ANONYMOUS);
    }

    /** Only administrators may call it. */
    public boolean adminOnly() {
        return roles.equals(List.of(Roles.ADMIN));
    }

    /** True when the route has a rule at all: a route without {@code @Secured} is refused to everyone. */
    public boolean declared() {
        return !roles.isEmpty();
    }

    /** The rule of one route, as its annotations (on the method, else on its controller) say; {@link RouteRules} keeps them. */
    public static RouteRule of(UriRouteInfo<?, ?> route) {
        AnnotationMetadata annotations = route.getAnnotationMetadata();
        List<String> roles = annotations.stringValues(Secured.class).length == 0 ? List.of()
                : Arrays.asList(annotations.stringValues(Secured.class));
        Keys keys = annotations.enumValue(KeyRule.class, Keys.class).orElse(Keys.MANAGE);
        return new RouteRule(route.getUriMatchTemplate().toString(), List.copyOf(roles), keys,
                !annotations.hasAnnotation(NotDuringSetup.class), annotations.hasAnnotation(ChecksItself.class));
    }

    /** The route the router matched, with its variables. */
    static Optional<UriRouteMatch<?, ?>> route(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).filter(UriRouteMatch.class::isInstance)
                .map(match -> (UriRouteMatch<?, ?>) match);
    }

    /** A route variable as the router decoded it, e.g. the {@code id} of {@code DELETE /api/tokens/{id}}. */
    static Optional<String> variable(HttpRequest<?> request, String name) {
        return route(request).map(match -> match.getVariableValues().get(name)).map(String::valueOf);
    }

    /** {@code GET /api/tokens}: the request's method (HEAD as GET) and the route's template, for messages. */
    static String label(HttpRequest<?> request, RouteRule rule) {
        String method = request.getMethod() == HttpMethod.HEAD ? "GET" : request.getMethodName();
        return method + " " + (rule.template().isEmpty() ? request.getPath() : rule.template());
    }

    static boolean changesState(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
    }
}
