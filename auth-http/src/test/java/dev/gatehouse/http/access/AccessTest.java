package dev.gatehouse.http.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.SessionCookie;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deny by default, CSRF, security headers and clean errors, over real HTTP. */
public class AccessTest {

    static RunningServer app;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addAdmin("root", "correct horse battery"); // first, so alice is not an administrator
        app.addUser("alice", "correct horse battery");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /**
     * A route the router knows: its method, template, a path that reaches it, its rule from its
     * annotations, and which of {@code @PublicRoute}, {@code @SignedIn}, {@code @AdminOnly} (or a bare
     * {@code @Secured}) it carries, on its method or its controller.
     */
    record Route(String method, String template, String path, RouteRule rule, List<String> marks) {

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Every route the running server's router knows, read from its annotations as the access layer reads them. */
    static List<Route> routes() {
        return routes(app);
    }

    static List<Route> routes(RunningServer server) {
        List<Route> routes = new java.util.ArrayList<>();
        server.server.getApplicationContext().getBean(Router.class).uriRoutes().forEach(route -> {
            UriRouteInfo<?, ?> info = route;
            String path = info.getUriMatchTemplate().expand(java.util.Map.of("username", "alice", "id",
                    "Ab3dEf9Gh1Jk2Lm3", "name", "gatehouse.css", "provider", "corp", "subject", "sub-1"));
            List<String> marks = java.util.stream.Stream.of(PublicRoute.class, SignedIn.class, AdminOnly.class,
                            io.micronaut.security.annotation.Secured.class)
                    .filter(mark -> info.getAnnotationMetadata().hasAnnotation(mark)).map(Class::getSimpleName).toList();
            routes.add(new Route(info.getHttpMethodName(), info.getUriMatchTemplate().toString(), path, RouteRule.of(info),
                    marks));
        });
        assertTrue(routes.size() >= 50, "routes found: " + routes.size());
        return routes;
    }

    /** The routes without {@code @Secured}. */
    static List<String> undeclared(List<Route> routes) {
        return routes.stream().filter(route -> !route.rule().declared()).map(Route::toString).distinct().sorted().toList();
    }

    @Test
    void everyRouteSaysWhoMayCallIt() {
        assertEquals(List.of(), undeclared(routes()), "routes without a rule (say who may call them: @PublicRoute,"
                + " @SignedIn or @AdminOnly; and with @KeyRule whether keys with scopes may); Micronaut Security"
                + " refuses them to everyone");
        for (Route route : routes()) {
            assertEquals(1, route.marks().size(), () -> route + " carries " + route.marks() + ": one of @PublicRoute,"
                    + " @SignedIn, @AdminOnly (on the method or the controller, not both), which also tells the API"
                    + " description; not a bare @Secured");
            assertTrue(!route.marks().contains("Secured"), route + " has a bare @Secured");
            List<String> roles = route.rule().roles();
            assertTrue(roles.equals(List.of(io.micronaut.security.rules.SecurityRule.IS_ANONYMOUS))
                    || roles.equals(List.of(io.micronaut.security.rules.SecurityRule.IS_AUTHENTICATED))
                    || roles.equals(List.of(Roles.ADMIN)), route + " asks for " + roles + "; one of the three, please");
            assertTrue(!route.rule().isPublic() || route.rule().keys() == KeyRule.Keys.MANAGE,
                    route + " is public: keys are not looked at there, so a @KeyRule would say nothing");
        }
    }

    @Test
    void aRouteWithoutARuleIsRefusedToEveryoneAndTheRouteCheckNamesIt() throws Exception {
        System.setProperty(UndeclaredRouteController.SWITCH, "true");
        try (RunningServer forgetful = new RunningServer()) {
            forgetful.addAdmin("root", "correct horse battery");
            String session = forgetful.signIn("root", "correct horse battery");
            String key = forgetful.mintKey("root").secret();
            String path = "/test-only/undeclared";
            assertEquals(401, forgetful.send(forgetful.get(path).build()).statusCode());
            HttpResponse<String> admin = forgetful.send(forgetful.get(path).header("Cookie", session).build());
            assertEquals(403, admin.statusCode(), admin.body());
            assertFalse(admin.body().contains("reached"), admin.body());
            assertEquals(403, forgetful.keyed("GET", path, null, key).statusCode());
            assertEquals(List.of("GET " + path), undeclared(routes(forgetful)).stream()
                    .filter(route -> !route.startsWith("HEAD")).toList());
        } finally {
            System.clearProperty(UndeclaredRouteController.SWITCH);
        }
    }

    @Test
    void onlyAFewRoutesAreOpenToKeysWithScopesAndEveryManagementPathIsForAdministrators() {
        List<String> open = routes().stream().filter(route -> !route.method().equals("HEAD"))
                .filter(route -> !route.rule().isPublic() && route.rule().keys() != KeyRule.Keys.MANAGE
                        && route.rule().keys() != KeyRule.Keys.NONE)
                .map(route -> route + " " + route.rule().keys()).distinct().sorted().toList();
        assertEquals(List.of("DELETE /api/tokens/{id} ITSELF", "GET /api/me ANY", "GET /api/me/models ANY",
                "GET /api/me/permissions ANY", "POST /api/me/models ANY", "POST /api/tokens NARROWER"), open);
        List<String> needSignIn = routes().stream().filter(route -> route.rule().keys() == KeyRule.Keys.NONE)
                .map(Route::toString).distinct().sorted().toList();
        assertEquals(List.of("DELETE /api/admin/users/{username}/identities/{provider}/{subject}",
                "DELETE /api/me/identities/{provider}/{subject}", "POST /api/admin/users/{username}/impersonate",
                "POST /api/admin/users/{username}/password", "POST /api/me/password", "POST /auth/{provider}/connect"),
                needSignIn);
        List<String> publicRoutes = routes().stream().filter(route -> route.rule().isPublic())
                .filter(route -> !route.method().equals("HEAD")).map(Route::toString).distinct().sorted().toList();
        assertEquals(List.of("GET /api/auth/providers", "GET /api/register", "GET /api/setup", "GET /assets/{name}",
                "GET /auth/verify", "GET /auth/{provider}", "GET /auth/{provider}/callback",
                "GET /favicon.ico", "GET /healthz", "GET /login", "GET /openapi.yml", "GET /readyz", "GET /register", "GET /setup",
                "GET /waiting", "POST /api/auth/login", "POST /api/impersonation/stop", "POST /api/register",
                "POST /api/setup", "POST /auth/verify"), publicRoutes);
        for (Route route : routes()) {
            boolean management = route.template().startsWith("/api/admin/") || route.template().equals("/admin")
                    || route.template().startsWith("/admin/") || route.template().equals("/metrics");
            assertEquals(management, route.rule().adminOnly(), route.toString());
        }
    }

    @Test
    void everyRouteKeepsItsRuleOverHttp() {
        String alice = app.signIn("alice", "correct horse battery");
        String rootChat = app.mintKey("root", java.util.Set.of("chat")).secret();
        String aliceChat = app.mintKey("alice", java.util.Set.of("chat", "models:llama-*")).secret();
        String rootPlain = app.mintKey("root").secret();
        int checked = 0;
        for (Route route : routes()) {
            String method = route.method();
            RouteRule rule = route.rule();
            String what = method + " " + route.path();
            if (rule.isPublic()) {
                continue;
            }
            HttpResponse<String> anonymous = send(method, route.path(), null, null);
            assertEquals(401, anonymous.statusCode(), what + " answered " + anonymous.body());
            assertTrue(method.equals("HEAD") || anonymous.body().contains("\"error\":\"unauthenticated\""), what);
            if (rule.adminOnly()) {
                assertRefused(403, "forbidden", send(method, route.path(), alice, null), what + " with a user's session");
            }
            switch (rule.keys()) {
                case MANAGE, ITSELF -> {
                    // An administrator's key with scopes is refused as surely as a user's.
                    assertRefused(403, KeyRefusals.SCOPE_FORBIDDEN, send(method, route.path(), null, rootChat), what);
                    assertRefused(403, KeyRefusals.SCOPE_FORBIDDEN, send(method, route.path(), null, aliceChat), what);
                    checked++;
                }
                case NONE -> {
                    for (String key : List.of(rootChat, aliceChat, rootPlain)) {
                        assertRefused(403, KeyRefusals.SESSION_REQUIRED, send(method, route.path(), null, key), what);
                    }
                    checked++;
                }
                case ANY, NARROWER -> {
                    HttpResponse<String> answer = send(method, route.path(), null, rootChat);
                    assertTrue(answer.statusCode() != 401 && !answer.body().contains("\"error\":\"forbidden\"")
                            && !answer.body().contains(KeyRefusals.SESSION_REQUIRED), what + " with a key for chat: "
                            + answer.statusCode() + " " + answer.body());
                }
                default -> throw new AssertionError(rule);
            }
        }
        assertTrue(checked >= 40, "management routes checked: " + checked);
    }

    /** {@code method path} with a Cookie header or a key (either may be null), as our own pages send it. */
    private static HttpResponse<String> send(String method, String path, String cookie, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.origin() + path))
                .method(method, method.equals("GET") || method.equals("HEAD") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}")).header("Origin", app.origin());
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return app.send(request.build());
    }

    private static void assertRefused(int status, String error, HttpResponse<String> answer, String what) {
        assertEquals(status, answer.statusCode(), what + " answered " + answer.body());
        assertTrue(answer.request().method().equals("HEAD") || answer.body().contains("\"error\":\"" + error + "\""),
                what + " answered " + answer.body());
    }

    @Test
    void micronautSecuritysOwnRoutesAreNotServed() {
        assertTrue(routes().stream().noneMatch(route -> route.template().startsWith("/token_info")), routes()::toString);
        String admin = app.signIn("root", "correct horse battery");
        HttpResponse<String> read = app.send(app.get("/token_info").header("Cookie", admin).build());
        assertEquals(404, read.statusCode(), "GET /token_info: " + read.body());
        HttpResponse<String> ask = app.send(app.post("/token_info", "token=x").header("Cookie", admin)
                .header("Origin", app.origin()).header("Content-Type", "application/x-www-form-urlencoded").build());
        assertEquals(404, ask.statusCode(), "POST /token_info: " + ask.body());
    }

    @Test
    void healthAndReadinessArePublic() {
        assertEquals("{\"status\":\"ok\"}", app.send(app.get("/healthz").build()).body());
        assertEquals(200, app.send(app.get("/readyz").build()).statusCode());
    }

    @Test
    void signingOutFromAForeignPageIsRefusedButFromOurOwnWorks() {
        String token = RunningServer.token(app.login("alice", "correct horse battery"));
        HttpResponse<String> foreign = app.send(app.post("/api/auth/logout", "")
                .header("Cookie", SessionCookie.NAME + "=" + token).header("Origin", "https://evil.example").build());
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("\"error\":\"csrf\""), foreign.body());
        HttpResponse<String> none = app.send(app.post("/api/auth/logout", "")
                .header("Cookie", SessionCookie.NAME + "=" + token).build());
        assertEquals(403, none.statusCode(), "no Origin and no Referer is not proof of our own page");
        HttpResponse<String> own = app.send(app.post("/api/auth/logout", "")
                .header("Cookie", SessionCookie.NAME + "=" + token).header("Referer", app.origin() + "/account").build());
        assertEquals(204, own.statusCode(), own.body());
    }

    @Test
    void aForeignPageCannotSignABrowserIn() {
        HttpResponse<String> login = app.send(app.post("/api/auth/login",
                "{\"username\":\"alice\",\"password\":\"correct horse battery\"}")
                .header("Content-Type", "application/json").header("Origin", "https://evil.example").build());
        assertEquals(403, login.statusCode());
        assertTrue(login.body().contains("\"error\":\"csrf\""), login.body()); // ours, not Micronaut's CORS 403
        assertTrue(login.headers().firstValue("Set-Cookie").isEmpty());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        String token = RunningServer.token(app.login("alice", "correct horse battery"));
        List<HttpResponse<String>> answers = List.of(
                app.send(app.get("/healthz").build()),
                app.send(app.get("/api/me").build()),
                app.send(app.get("/api/nothing-here").header("Cookie", SessionCookie.NAME + "=" + token).build()));
        assertEquals(List.of(200, 401, 404), answers.stream().map(HttpResponse::statusCode).toList());
        for (HttpResponse<String> answer : answers) {
            assertSecurityHeaders(answer);
        }
        assertTrue(answers.get(2).body().contains("\"error\":\"not_found\""), answers.get(2).body());
    }

    public static void assertSecurityHeaders(HttpResponse<String> answer) {
        var headers = answer.headers();
        String where = answer.statusCode() + " " + answer.uri();
        assertEquals(SecurityHeadersFilter.CSP, headers.firstValue("Content-Security-Policy").orElse(null), where);
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), where);
        assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(null), where);
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null), where);
        assertFalse(answer.body().contains("Exception") || answer.body().contains("at dev."), answer.body());
    }
}
