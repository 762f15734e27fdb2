package dev.gatehouse.http;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.Set;

/** Which routes are public, which are for administrators, and which requests are a browser opening a page. */
final class Routes {

    /** Forward authentication for reverse proxies: public, it checks the caller itself. */
    static final String FORWARD_AUTH = "/auth/verify";

    /** Routes anyone may call, as "METHOD path". Everything else needs a caller. */
    static final Set<String> PUBLIC = Set.of("GET /healthz", "GET /readyz", "POST /api/auth/login",
            "GET /login", "GET /setup", "GET /api/setup", "POST /api/setup", "GET /favicon.ico",
            "GET " + FORWARD_AUTH, "POST " + FORWARD_AUTH, ImpersonationController.STOP,
            "GET /register", "GET /waiting", "GET /api/register", "POST /api/register");

    /** Public path prefixes (GET only): the UI's own static files. */
    static final String ASSETS = "/assets/";

    private Routes() {
    }

    static boolean isPublic(HttpRequest<?> request) {
        String method = method(request);
        String path = request.getPath();
        return PUBLIC.contains(method + " " + path)
                || "GET".equals(method) && path.startsWith(ASSETS) && !path.contains("..");
    }

    /**
     * A public route that answers who the caller is by itself ({@code GET} or {@code POST /auth/verify}): the
     * access filter neither looks the caller up for it nor sends it to setup or sign-in.
     */
    static boolean checksItself(HttpRequest<?> request) {
        return FORWARD_AUTH.equals(request.getPath()) && ("GET".equals(method(request)) || "POST".equals(method(request)));
    }

    /** Setup works before any user exists: its page, its API, health and the UI's files. */
    static boolean worksDuringSetup(HttpRequest<?> request) {
        String path = request.getPath();
        return isPublic(request) && !path.equals("/login") && !path.equals("/api/auth/login")
                && !path.equals("/register") && !path.equals("/api/register");
    }

    static boolean isAdminOnly(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/")
                || path.equals("/metrics");
    }

    /** A browser navigating to a page (not the API): it gets redirects and HTML instead of JSON errors. */
    static boolean isPageView(HttpRequest<?> request) {
        String path = request.getPath();
        return "GET".equals(method(request)) && !path.startsWith("/api/") && !path.equals("/metrics")
                && request.getHeaders().accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
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
