package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
class AccessTest {

    static RunningServer app;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addUser("alice", "correct horse battery");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyRouteThatIsNotPublicAsksForASession() {
        List<UriRouteInfo<?, ?>> routes = app.server.getApplicationContext().getBean(Router.class).uriRoutes()
                .<UriRouteInfo<?, ?>>map(r -> r).toList();
        assertTrue(routes.size() >= 5, "routes found: " + routes);
        for (UriRouteInfo<?, ?> route : routes) {
            String method = route.getHttpMethodName();
            String path = route.getUriMatchTemplate().expand(java.util.Map.of());
            if (Routes.PUBLIC.contains(method.replace("HEAD", "GET") + " " + path)
                    || path.startsWith(Routes.ASSETS) && (method.equals("GET") || method.equals("HEAD"))) {
                continue;
            }
            HttpResponse<String> response = app.send(HttpRequest.newBuilder(URI.create(app.origin() + path))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Origin", app.origin()).build());
            assertEquals(401, response.statusCode(), method + " " + path + " answered " + response.body());
            assertTrue(method.equals("HEAD") || response.body().contains("\"error\":\"unauthenticated\""), method + " " + path);
        }
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

    static void assertSecurityHeaders(HttpResponse<String> answer) {
        var headers = answer.headers();
        String where = answer.statusCode() + " " + answer.uri();
        assertEquals(SecurityHeadersFilter.CSP, headers.firstValue("Content-Security-Policy").orElse(null), where);
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), where);
        assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(null), where);
        assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(null), where);
        assertFalse(answer.body().contains("Exception") || answer.body().contains("at dev."), answer.body());
    }
}
