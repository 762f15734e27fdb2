package dev.gatehouse.http.access;

import java.util.List;
import java.util.Map;

/**
 * How Micronaut Security is set up for Gatehouse: only our own {@link CallerFetcher} says who a
 * request is (no Basic auth, no Bearer tokens of Micronaut's: a Bearer header carries an API key,
 * which {@link CallerLookup} reads), no address patterns, and a request no route matches is
 * refused, not answered 404, unless it has a caller. Nothing is allowed by URL pattern
 * ({@code intercept-url-map} stays empty): every route says who may call it with {@code @Secured},
 * and a route without one is refused to everyone. Micronaut Security's own routes are off: its
 * token introspection ({@code /token_info}, on unless turned off) would show a caller's
 * authentication to any route-less client of Gatehouse's, and it is nobody's API here.
 */
public final class SecuritySettings {

    /** The properties the server's context starts with. */
    public static final Map<String, Object> PROPERTIES = Map.of(
            "micronaut.security.enabled", true,
            "micronaut.security.reject-not-found", true,
            "micronaut.security.basic-auth.enabled", false,
            "micronaut.security.token.bearer.enabled", false,
            "micronaut.security.ip-patterns", List.of(),
            "micronaut.security.endpoints.introspection.enabled", false);

    private SecuritySettings() {
    }
}
