package dev.gatehouse.oauth.github;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.oauth.testing.Browser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub Enterprise Server's few sign-in endpoints, as GitHub documents them, for one person:
 * {@code /login/oauth/authorize} (it sends the browser straight back, as after a person said yes),
 * {@code /login/oauth/access_token} (one-time codes, PKCE S256, errors as 200 with {@code error}),
 * and under {@code /api/v3}: {@code /user}, {@code /user/emails}, {@code /user/orgs},
 * {@code /user/teams} and {@code /orgs/ORG/members/LOGIN} (204 or 404).
 */
final class GitHubStandIn implements AutoCloseable {

    static final String CLIENT_ID = "Iv1.8a61f9b3a7aba766";
    static final String CLIENT_SECRET = "1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c";

    private final HttpServer server;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tokens = new ConcurrentHashMap<>();

    volatile long id = 583231;
    volatile String login = "octocat";
    volatile List<Map<String, Object>> emails = List.of(email("octocat@github.com", true, true));
    volatile List<String> orgs = List.of();
    /** Organisations /user/orgs hides (third-party access restrictions) but the membership check shows. */
    volatile List<String> hiddenOrgs = List.of();
    /** {@code org/slug}. */
    volatile List<String> teams = List.of();
    volatile Duration delay = Duration.ZERO;
    /** The profile's {@code bio}: long ones make /user a large answer. */
    volatile String bio = "";
    volatile Map<String, String> lastAuthorize = Map.of();

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

    static Map<String, Object> email(String address, boolean primary, boolean verified) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("email", address);
        e.put("verified", verified);
        e.put("primary", primary);
        e.put("visibility", primary ? "public" : null);
        return e;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = Browser.query(exchange.getRequestURI());
        lastAuthorize = q;
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        codes.put(code, q);
        exchange.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void accessToken(HttpExchange exchange) throws IOException {
        sleep();
        Map<String, String> form = Browser.query(URI.create("?" + new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)));
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            send(exchange, 200, JSONObjectUtils.toJSONString(Map.of("error", "incorrect_client_credentials",
                    "error_description", "The client_id and/or client_secret passed are incorrect.")));
            return;
        }
        Map<String, String> asked = codes.remove(String.valueOf(form.get("code")));
        if (asked == null || form.get("code_verifier") == null || !CodeChallenge.compute(CodeChallengeMethod.S256,
                new CodeVerifier(form.get("code_verifier"))).getValue().equals(asked.get("code_challenge"))) {
            send(exchange, 200, JSONObjectUtils.toJSONString(Map.of("error", "bad_verification_code",
                    "error_description", "The code passed is incorrect or expired.", "error_uri",
                    "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code")));
            return;
        }
        if (!asked.get("redirect_uri").equals(form.get("redirect_uri"))) {
            send(exchange, 200, JSONObjectUtils.toJSONString(Map.of("error", "redirect_uri_mismatch",
                    "error_description", "The redirect_uri MUST match the registered callback URL for this application.")));
            return;
        }
        String token = "gho_" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, true);
        send(exchange, 200, JSONObjectUtils.toJSONString(Map.of("access_token", token, "token_type", "bearer",
                "scope", asked.get("scope").replace(' ', ','))));
    }

    private void api(HttpExchange exchange) throws IOException {
        sleep();
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!auth.startsWith("Bearer ") || !tokens.containsKey(auth.substring(7))) {
            send(exchange, 401, JSONObjectUtils.toJSONString(Map.of("message", "Requires authentication",
                    "documentation_url", "https://docs.github.com/rest")));
            return;
        }
        String path = exchange.getRequestURI().getPath().substring("/api/v3".length());
        String base = api().toString();
        switch (path) {
            case "/user" -> {
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("login", login);
                user.put("id", id);
                user.put("node_id", "MDQ6VXNlcjE=");
                user.put("avatar_url", "https://github.com/images/error/octocat_happy.gif");
                user.put("url", base + "/users/" + login);
                user.put("type", "User");
                user.put("site_admin", false);
                user.put("name", "monalisa octocat");
                user.put("bio", bio);
                user.put("company", "GitHub");
                user.put("email", "public-but-unverified@example.com"); // the public profile address is never used
                user.put("created_at", "2008-01-14T04:33:35Z");
                send(exchange, 200, JSONObjectUtils.toJSONString(user));
            }
            case "/user/emails" -> send(exchange, 200, JSONArrayUtils.toJSONString(emails));
            case "/user/orgs" -> send(exchange, 200, JSONArrayUtils.toJSONString(orgs.stream().map(o -> org(o, base))
                    .toList()));
            case "/user/teams" -> {
                List<Map<String, Object>> list = new ArrayList<>();
                int n = 1;
                for (String team : teams) {
                    String[] parts = team.split("/");
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("id", n++);
                    t.put("node_id", "MDQ6VGVhbTE=");
                    t.put("url", base + "/teams/" + n);
                    t.put("html_url", web() + "/orgs/" + parts[0] + "/teams/" + parts[1]);
                    t.put("name", parts[1].replace('-', ' '));
                    t.put("slug", parts[1]);
                    t.put("privacy", "closed");
                    t.put("permission", "pull");
                    t.put("parent", null);
                    t.put("organization", org(parts[0], base));
                    list.add(t);
                }
                send(exchange, 200, JSONArrayUtils.toJSONString(list));
            }
            default -> {
                String[] parts = path.split("/"); // "", "orgs", ORG, "members", LOGIN
                if (parts.length == 5 && parts[1].equals("orgs") && parts[3].equals("members")) {
                    boolean member = parts[4].equalsIgnoreCase(login) && (orgs.stream().anyMatch(parts[2]::equalsIgnoreCase)
                            || hiddenOrgs.stream().anyMatch(parts[2]::equalsIgnoreCase));
                    exchange.sendResponseHeaders(member ? 204 : 404, -1);
                    exchange.close();
                } else {
                    send(exchange, 404, JSONObjectUtils.toJSONString(Map.of("message", "Not Found")));
                }
            }
        }
    }

    private static Map<String, Object> org(String login, String base) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("login", login);
        org.put("id", Math.abs(login.hashCode()));
        org.put("node_id", "MDEyOk9yZ2FuaXphdGlvbjE=");
        org.put("url", base + "/orgs/" + login);
        org.put("members_url", base + "/orgs/" + login + "/members{/member}");
        org.put("description", "A great organization");
        return org;
    }

    private void sleep() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
