package dev.gatehouse.http.access;

import dev.gatehouse.http.api.sessions.ImpersonationController;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import java.util.Map;
import java.util.Optional;

/**
 * Every route's access rule, in one table: who may call it ({@link Who}) and which keys may
 * ({@link Keys}). The rule is looked up by the route Micronaut's router chose for the request (its
 * method and template), never by comparing the raw path, so every spelling the router accepts
 * ({@code /metrics/}, {@code /api/admin/users/}, {@code ro%6Ft} in a variable) meets the same rule,
 * and spellings it does not route ({@code //api/...}, {@code /API/...}, {@code /api/./...},
 * {@code ;params}, {@code %75sers}) reach no controller at all. A route missing from the table gets
 * the strictest rule (signed-in administrators without a key), and {@code AccessTest} fails.
 */
public final class Routes {

    /** Forward authentication for reverse proxies: public, it checks the caller itself. */
    public static final String FORWARD_AUTH = "/auth/verify";

    /** Who may call a route. */
    enum Who {
        /** Anyone, without a caller; keys are not even looked at. */
        PUBLIC,
        /** Any caller: a session, a key, the built-in callers. */
        SIGNED_IN,
        /** Administrators only. */
        ADMIN
    }

    /**
     * Which keys may call a route. A key with scopes is for the AI server: it may only ask who it is
     * and what it may use, unless it carries {@link dev.gatehouse.core.model.apikeys.ApiKey#MANAGE_SCOPE}.
     */
    enum Keys {
        /** Any key, scoped or not: the questions an AI client asks. */
        ANY,
        /** Any key; one with scopes only makes keys narrower than itself ({@link KeyScopes}). */
        NARROWER,
        /** Keys without scopes (or with the management scope); one with scopes only on itself (revoking itself). */
        ITSELF,
        /** Keys without scopes, or with the management scope: managing Gatehouse. */
        MANAGE,
        /** No key at all: a person who signed in (password changes, impersonation). */
        NONE
    }

    /** The rule of one route; {@code template} is the router's, e.g. {@code /api/tokens/{id}}. */
    record Rule(String method, String template, Who who, Keys keys) {

        boolean isPublic() {
            return who == Who.PUBLIC;
        }
    }

    /** What a request matches when the router found no route (404, 405): a caller is needed, and nothing runs. */
    static final Rule NO_ROUTE = new Rule("", "", Who.SIGNED_IN, Keys.MANAGE);

    private static final String ADMIN_API = "/api/admin";

    /** Every route, as "METHOD template" (HEAD counts as GET). AccessTest checks it names every route there is. */
    static final Map<String, Rule> RULES = table(
            // Public: health, sign-in, setup, registration, the UI's files, forward auth, leaving an impersonation.
            "GET /healthz", Who.PUBLIC, Keys.ANY,
            "GET /readyz", Who.PUBLIC, Keys.ANY,
            // The API's description (ops.OpenApiController). When access moves to @Secured, this is IS_ANONYMOUS.
            "GET /openapi.yml", Who.PUBLIC, Keys.ANY,
            "POST /api/auth/login", Who.PUBLIC, Keys.ANY,
            "GET /login", Who.PUBLIC, Keys.ANY,
            "GET /setup", Who.PUBLIC, Keys.ANY,
            "GET /api/setup", Who.PUBLIC, Keys.ANY,
            "POST /api/setup", Who.PUBLIC, Keys.ANY,
            "GET /register", Who.PUBLIC, Keys.ANY,
            "GET /waiting", Who.PUBLIC, Keys.ANY,
            "GET /api/register", Who.PUBLIC, Keys.ANY,
            "POST /api/register", Who.PUBLIC, Keys.ANY,
            "GET /favicon.ico", Who.PUBLIC, Keys.ANY,
            "GET /assets/{name}", Who.PUBLIC, Keys.ANY,
            "GET " + FORWARD_AUTH, Who.PUBLIC, Keys.ANY,
            "POST " + FORWARD_AUTH, Who.PUBLIC, Keys.ANY,
            ImpersonationController.STOP, Who.PUBLIC, Keys.ANY,
            // What an AI client may ask with any key: who it is, what it may use, a narrower key.
            "GET /api/me", Who.SIGNED_IN, Keys.ANY,
            "GET /api/me/models", Who.SIGNED_IN, Keys.ANY,
            "POST /api/me/models", Who.SIGNED_IN, Keys.ANY,
            "GET /api/me/permissions", Who.SIGNED_IN, Keys.ANY,
            "POST /api/tokens", Who.SIGNED_IN, Keys.NARROWER,
            "DELETE /api/tokens/{id}", Who.SIGNED_IN, Keys.ITSELF,
            // The caller's own account and keys: managing Gatehouse.
            "POST /api/auth/logout", Who.SIGNED_IN, Keys.MANAGE,
            "GET /api/me/sessions", Who.SIGNED_IN, Keys.MANAGE,
            "DELETE /api/me/sessions", Who.SIGNED_IN, Keys.MANAGE,
            "DELETE /api/me/sessions/{id}", Who.SIGNED_IN, Keys.MANAGE,
            "PUT /api/me/avatar", Who.SIGNED_IN, Keys.MANAGE,
            "DELETE /api/me/avatar", Who.SIGNED_IN, Keys.MANAGE,
            "GET /api/users/{username}/avatar", Who.SIGNED_IN, Keys.MANAGE,
            "GET /api/tokens", Who.SIGNED_IN, Keys.MANAGE,
            "PATCH /api/tokens/{id}", Who.SIGNED_IN, Keys.MANAGE,
            "DELETE /api/tokens", Who.SIGNED_IN, Keys.MANAGE,
            "POST /api/me/password", Who.SIGNED_IN, Keys.NONE,
            // Pages, for people.
            "GET /", Who.SIGNED_IN, Keys.MANAGE,
            "GET /account", Who.SIGNED_IN, Keys.MANAGE,
            "GET /tokens", Who.SIGNED_IN, Keys.MANAGE,
            "GET /admin", Who.ADMIN, Keys.MANAGE,
            "GET /admin/users/{username}", Who.ADMIN, Keys.MANAGE,
            "GET /admin/pending", Who.ADMIN, Keys.MANAGE,
            "GET /admin/invites", Who.ADMIN, Keys.MANAGE,
            "GET /admin/audit", Who.ADMIN, Keys.MANAGE,
            // Administrators.
            "GET /metrics", Who.ADMIN, Keys.MANAGE,
            "GET " + ADMIN_API + "/users", Who.ADMIN, Keys.MANAGE,
            "POST " + ADMIN_API + "/users", Who.ADMIN, Keys.MANAGE,
            "DELETE " + ADMIN_API + "/users/{username}", Who.ADMIN, Keys.MANAGE,
            "POST " + ADMIN_API + "/users/{username}/password", Who.ADMIN, Keys.NONE,
            "POST " + ADMIN_API + "/users/{username}/lock", Who.ADMIN, Keys.MANAGE,
            "POST " + ADMIN_API + "/users/{username}/unlock", Who.ADMIN, Keys.MANAGE,
            "PUT " + ADMIN_API + "/users/{username}/role", Who.ADMIN, Keys.MANAGE,
            "GET " + ADMIN_API + "/users/{username}/permissions", Who.ADMIN, Keys.MANAGE,
            "PUT " + ADMIN_API + "/users/{username}/permissions", Who.ADMIN, Keys.MANAGE,
            "POST " + ADMIN_API + "/users/{username}/impersonate", Who.ADMIN, Keys.NONE,
            "GET " + ADMIN_API + "/pending", Who.ADMIN, Keys.MANAGE,
            "POST " + ADMIN_API + "/users/{username}/approve", Who.ADMIN, Keys.MANAGE,
            "POST " + ADMIN_API + "/users/{username}/reject", Who.ADMIN, Keys.MANAGE,
            "GET " + ADMIN_API + "/invites", Who.ADMIN, Keys.MANAGE,
            "POST " + ADMIN_API + "/invites", Who.ADMIN, Keys.MANAGE,
            "DELETE " + ADMIN_API + "/invites/{id}", Who.ADMIN, Keys.MANAGE,
            "GET " + ADMIN_API + "/audit", Who.ADMIN, Keys.MANAGE);

    private Routes() {
    }

    private static Map<String, Rule> table(Object... rows) {
        Map<String, Rule> rules = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 3) {
            String route = (String) rows[i];
            int space = route.indexOf(' ');
            Rule rule = new Rule(route.substring(0, space), route.substring(space + 1), (Who) rows[i + 1], (Keys) rows[i + 2]);
            if (rules.put(route, rule) != null) {
                throw new IllegalStateException("Two rules for " + route);
            }
        }
        return java.util.Collections.unmodifiableMap(rules);
    }

    /** The rule of the route the router chose for {@code request}; {@link #NO_ROUTE} if it chose none. */
    static Rule rule(HttpRequest<?> request) {
        return route(request).map(match -> rule(method(request), match.getRouteInfo().getUriMatchTemplate().toString()))
                .orElse(NO_ROUTE);
    }

    /** The rule of a route by its method and template; a route nobody gave a rule gets the strictest one. */
    static Rule rule(String method, String template) {
        String get = "HEAD".equals(method) ? "GET" : method;
        Rule rule = RULES.get(get + " " + template);
        return rule != null ? rule : new Rule(get, template, Who.ADMIN, Keys.NONE);
    }

    /** True if the table names the route (AccessTest asks for every route the router knows). */
    static boolean declared(String method, String template) {
        return RULES.containsKey(("HEAD".equals(method) ? "GET" : method) + " " + template);
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

    /**
     * A public route that answers who the caller is by itself ({@code GET} or {@code POST /auth/verify}): the
     * access filter neither looks the caller up for it nor sends it to setup or sign-in.
     */
    static boolean checksItself(Rule rule) {
        return rule.isPublic() && FORWARD_AUTH.equals(rule.template());
    }

    /** Setup works before any user exists: its page, its API, health and the UI's files (not sign-in, not registration). */
    static boolean worksDuringSetup(Rule rule) {
        String template = rule.template();
        return rule.isPublic() && !template.equals("/login") && !template.equals("/api/auth/login")
                && !template.equals("/register") && !template.equals("/api/register");
    }

    static boolean changesState(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
    }

    /** HEAD is GET without the body, so a public GET is public for HEAD too. */
    private static String method(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.HEAD ? "GET" : request.getMethodName();
    }
}
