package dev.gatehouse.http.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.testing.RunningServer;
import io.micronaut.web.router.Router;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document at /openapi.yml against the routes the server really has, and against docs/api.md. */
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    static RunningServer app;
    static HttpResponse<String> served;
    static Map<String, Object> document;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        // Fetched before the first user exists: the description is readable in setup mode too.
        served = app.send(app.get("/openapi.yml").build());
        assertEquals(200, served.statusCode(), served.body());
        document = new Yaml().load(served.body());
        app.addAdmin("root", "correct horse battery"); // past setup mode, so protected routes answer 401
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyApiRouteTheServerHasIsInTheDocumentAndEveryDocumentedRouteExists() {
        Set<String> routed = new TreeSet<>();
        app.server.getApplicationContext().getBean(Router.class).uriRoutes().forEach(route -> {
            String method = route.getHttpMethodName();
            if (!method.equals("HEAD")) {
                routed.add(method + " " + route.getUriMatchTemplate());
            }
        });
        Set<String> documented = operations().keySet();
        List<String> missing = routed.stream().filter(route -> route.contains(" /api/") || route.contains(" /auth/"))
                .filter(route -> !documented.contains(route)).toList();
        assertEquals(List.of(), missing, "routes the server has that /openapi.yml leaves out");
        List<String> stale = documented.stream().filter(route -> !routed.contains(route)).toList();
        assertEquals(List.of(), stale, "routes /openapi.yml describes that the server does not have");
        assertTrue(documented.size() >= 45, "operations: " + documented.size());
        assertFalse(documented.stream().anyMatch(route -> route.endsWith(" /login") || route.startsWith("GET /assets/")),
                "the pages and the UI's files are for browsers and stay out: " + documented);
    }

    @Test
    void theDocumentIsGatehousesAndServedForRevalidation() throws Exception {
        Map<String, Object> info = map(document.get("info"));
        assertEquals("Gatehouse", info.get("title"));
        assertEquals(projectVersion(), info.get("version"));
        assertTrue(served.headers().firstValue("Content-Type").orElseThrow().startsWith("application/yaml"));
        assertEquals("no-cache", served.headers().firstValue("Cache-Control").orElseThrow());
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, app.send(app.get("/openapi.yml").header("If-None-Match", etag).build()).statusCode());
        HttpResponse<String> other = app.send(app.get("/openapi.yml").header("If-None-Match", "\"stale\"").build());
        assertEquals(200, other.statusCode());
        assertEquals(served.body(), other.body());
    }

    @Test
    void theSecuritySchemesAreTheWaysACallerProvesWhoTheyAre() {
        Map<String, Object> schemes = map(map(document.get("components")).get("securitySchemes"));
        assertEquals(Map.of("type", "apiKey", "in", "cookie", "name", "__Host-gatehouse_session"),
                without(schemes.get("session"), "description"));
        assertEquals(Map.of("type", "apiKey", "in", "cookie", "name", "gatehouse_session"),
                without(schemes.get("sessionOverHttp"), "description"));
        assertEquals(Map.of("type", "apiKey", "in", "cookie", "name", "__Secure-gatehouse_session"),
                without(schemes.get("sessionWithCookieDomain"), "description"));
        assertEquals(Map.of("type", "http", "scheme", "bearer"), without(schemes.get("bearer"), "description"));
        assertEquals(Map.of("type", "apiKey", "in", "header", "name", "x-api-key"), without(schemes.get("apiKey"), "description"));
        assertEquals(Set.of("session", "sessionOverHttp", "sessionWithCookieDomain", "bearer", "apiKey"), schemes.keySet());
    }

    @Test
    void errorsAreDescribedAsTheApiErrorTheServerSends() {
        Map<String, Object> error = map(map(map(document.get("components")).get("schemas")).get("ApiError"));
        assertEquals(Set.of("error", "message", "request_id"), map(error.get("properties")).keySet());
        assertEquals(List.of("error", "message"), error.get("required"));
        // The same shape the server gives, here for a route nobody may call without a caller.
        HttpResponse<String> refused = app.send(app.get("/api/me").build());
        assertEquals(Set.of("error", "message", "request_id"), iterable(RunningServer.json(refused).fieldNames()));
        assertEquals(refused.headers().firstValue("X-Request-Id").orElseThrow(), RunningServer.json(refused).get("request_id").asText());
        List<String> without = new ArrayList<>();
        operations().forEach((route, operation) -> {
            if (route.contains(" /api/") || route.contains(" /auth/")) {
                for (String range : List.of("4XX", "5XX")) {
                    Object schema = map(map(map(map(map(operation.get("responses")).get(range)).get("content"))
                            .values().iterator().next()).get("schema")).get("$ref");
                    if (!"#/components/schemas/ApiError".equals(schema)) {
                        without.add(route + " " + range);
                    }
                }
            }
        });
        assertEquals(List.of(), without, "API routes whose errors are not described as ApiError");
    }

    /**
     * A route described without {@code security} must answer a caller with no session and no key; one described
     * with it must refuse them with 401. Forward auth is public and answers 401 itself: that is its answer.
     */
    @Test
    void theDocumentSaysWhichRoutesNeedACallerAsTheServerDecides() {
        List<String> wrong = new ArrayList<>();
        int needCaller = 0;
        for (Map.Entry<String, Map<String, Object>> entry : operations().entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String template = entry.getKey().substring(method.length() + 1);
            boolean secured = entry.getValue().get("security") != null;
            String path = template.replace("{username}", "root").replace("{id}", "Ab3dEf9Gh1Jk2Lm3")
                    .replace("{provider}", "corp").replace("{subject}", "sub-1");
            HttpResponse<String> anonymous = app.send(HttpRequest.newBuilder(URI.create(app.origin() + path))
                    .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json").header("Origin", app.origin()).build());
            boolean refused = anonymous.statusCode() == 401;
            if (secured) {
                needCaller++;
                assertEquals(List.of("apiKey", "bearer", "session", "sessionOverHttp", "sessionWithCookieDomain"),
                        securityNames(entry.getValue()), entry.getKey());
            }
            if (secured != refused && !template.equals("/auth/verify")) {
                wrong.add(entry.getKey() + (secured ? " is described as needing a caller but answered "
                        : " is described as public but answered ") + anonymous.statusCode() + " " + anonymous.body());
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(needCaller >= 35, "routes that need a caller: " + needCaller);
        assertEquals(null, operations().get("GET /auth/verify").get("security"), "forward auth is public");
        assertEquals(null, operations().get("POST /api/auth/login").get("security"), "signing in is public");
    }

    @Test
    void docsApiMdDescribesEveryDocumentedRouteAndNoOther() throws Exception {
        String guide = Files.readString(Path.of("../docs/api.md"));
        assertTrue(guide.contains("/openapi.yml"), "docs/api.md links the document");
        Set<String> described = new TreeSet<>();
        Matcher route = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`?\\s]*)[^`]*`").matcher("");
        guide.lines().filter(line -> line.startsWith("### ") || line.startsWith("#### ")).forEach(heading -> {
            route.reset(heading);
            while (route.find()) {
                described.add(route.group(1) + " " + route.group(2));
            }
        });
        Set<String> documented = operations().keySet();
        List<String> undescribed = documented.stream().filter(operation -> !described.contains(operation)).toList();
        assertEquals(List.of(), undescribed, "routes in /openapi.yml without a heading in docs/api.md");
        List<String> unknown = described.stream().filter(operation -> !documented.contains(operation)).toList();
        assertEquals(List.of(), unknown, "headings in docs/api.md naming routes /openapi.yml does not have");
    }

    /** Every operation in the document, as "METHOD /template". */
    private static Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                operations.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, map(operation));
            }
        }));
        return operations;
    }

    private static List<String> securityNames(Map<String, Object> operation) {
        List<String> names = new ArrayList<>();
        for (Object requirement : (List<?>) operation.get("security")) {
            names.addAll(map(requirement).keySet());
        }
        return names.stream().sorted().toList();
    }

    private static String projectVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertTrue(parent.find(), "auth-http/pom.xml names its parent's version");
        return parent.group(1);
    }

    private static Map<String, Object> without(Object value, String key) {
        Map<String, Object> copy = new TreeMap<>(map(value));
        assertNotEquals(null, copy.remove(key), key + " of " + value);
        return copy;
    }

    private static Set<String> iterable(java.util.Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "expected a mapping, found " + value);
        return (Map<String, Object>) value;
    }
}
