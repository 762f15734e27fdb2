package dev.gatehouse.http.api.identities;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The few GitHub endpoints a sign-in uses (authorize, access token, {@code /user},
 * {@code /user/emails}), in GitHub Enterprise Server's layout ({@code /api/v3}) with the real
 * response shapes, for one person: GitHub cannot be reached from the test machines. auth-oauth's
 * own tests have a fuller one (organisations, teams, errors); this one only proves the server's
 * routes carry GitHub's round trip.
 */
final class GitHubStandIn implements AutoCloseable {

    static final String CLIENT_ID = "Iv1.8a61f9b3a7aba766";
    static final String CLIENT_SECRET = "1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c";

    private final HttpServer server;
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();

    GitHubStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/login/oauth/authorize", this::authorize);
        server.createContext("/login/oauth/access_token", this::accessToken);
        server.createContext("/api/v3/", this::api);
        server.start();
    }

    URI web() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI api() {
        return URI.create(web() + "/api/v3");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        codes.put(code, q.get("redirect_uri"));
        exchange.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void accessToken(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String redirect = codes.remove(String.valueOf(form.get("code")));
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))
                || redirect == null || !redirect.equals(form.get("redirect_uri"))) {
            send(exchange, 200, "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is"
                    + " incorrect or expired.\"}");
            return;
        }
        String token = "gho_" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, true);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"scope\":\"read:user,user:email\"}");
    }

    private void api(HttpExchange exchange) throws IOException {
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
            send(exchange, 401, "{\"message\":\"Requires authentication\"}");
            return;
        }
        switch (exchange.getRequestURI().getPath()) {
            case "/api/v3/user" -> send(exchange, 200, "{\"login\":\"octocat\",\"id\":583231,\"node_id\":\"MDQ6VXNlcjE=\","
                    + "\"type\":\"User\",\"site_admin\":false,\"name\":\"monalisa octocat\","
                    + "\"email\":\"public-but-unverified@example.com\",\"created_at\":\"2008-01-14T04:33:35Z\"}");
            case "/api/v3/user/emails" -> send(exchange, 200, "[{\"email\":\"octocat@github.com\",\"verified\":true,"
                    + "\"primary\":true,\"visibility\":\"public\"}]");
            default -> send(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private static Map<String, String> query(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
