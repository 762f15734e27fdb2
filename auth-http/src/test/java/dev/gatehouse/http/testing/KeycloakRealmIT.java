package dev.gatehouse.http.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Keycloak and its test realm are what the sign-in tests build on: discovery names the
 * issuer, a person signs in on Keycloak's own page and comes back with a code, state and iss,
 * the code (with its PKCE verifier) buys an ID token carrying the nonce, the verified email and
 * the groups; and Keycloak refuses a request without PKCE and a redirect URI it does not know.
 * The redirect lands on a small JDK server standing in for Gatehouse's callback.
 */
class KeycloakRealmIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RealKeycloak keycloak;
    private static Chromium chromium;
    private static HttpServer callback;
    private static final BlockingQueue<String> CALLBACK_QUERIES = new ArrayBlockingQueue<>(8);

    /**
     * Keycloak first (each test is reported skipped, with the reason, when there is none), then
     * one browser and one callback server for the whole class.
     */
    @BeforeEach
    void keycloakBrowserAndCallback() throws IOException {
        keycloak = RealKeycloak.get();
        if (chromium == null) {
            chromium = Chromium.launchOrSkip();
        }
        if (callback == null) {
            callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            callback.createContext(RealKeycloak.CALLBACK_PATH, exchange -> {
                CALLBACK_QUERIES.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
                byte[] body = "<!doctype html><title>callback</title><p>back at the callback".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            callback.createContext("/", exchange -> {
                byte[] body = "<!doctype html><title>elsewhere</title><p>somewhere else".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            callback.start();
        }
    }

    @AfterAll
    static void stopBrowserAndCallback() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (callback != null) {
            callback.stop(0);
            callback = null;
        }
    }

    @Test
    void discoveryNamesTheIssuerAndOffersPkceAndTheIssParameter() {
        JsonNode discovery = keycloak.discovery();
        assertEquals(keycloak.issuer().toString(), discovery.get("issuer").asText());
        assertTrue(discovery.get("code_challenge_methods_supported").toString().contains("\"S256\""), discovery.toString());
        assertTrue(discovery.get("authorization_response_iss_parameter_supported").asBoolean(),
                "Keycloak sends iss on the redirect (RFC 9207)");
        assertTrue(keycloak.endSessionEndpoint().toString().startsWith(keycloak.issuer().toString()));
    }

    @Test
    void aliceSignsInOnKeycloaksPageAndHerCodeBuysAnIdTokenWithHerNonceEmailAndAdminGroup() throws Exception {
        Page page = chromium.open();
        try {
            Flow flow = new Flow();
            page.navigate(flow.authorizationUrl().toString());
            KeycloakLoginPage login = new KeycloakLoginPage(page);
            login.form().waitFor();
            Chromium.screenshot(page, "keycloak-01-login");
            login.signIn(keycloak.alice());
            Map<String, String> back = flow.awaitCallback(page);

            assertEquals(flow.state, back.get("state"));
            assertEquals(keycloak.issuer().toString(), back.get("iss"), "the redirect names the issuer (RFC 9207)");
            JsonNode tokens = flow.exchange(back.get("code"), flow.verifier);
            JsonNode claims = idTokenClaims(tokens);
            assertEquals(keycloak.issuer().toString(), claims.get("iss").asText());
            assertTrue(claims.get("aud").toString().contains("\"" + keycloak.clientId() + "\""), claims.toString());
            assertEquals(flow.nonce, claims.get("nonce").asText());
            assertEquals("alice", claims.get("preferred_username").asText());
            assertEquals("alice@corp.example", claims.get("email").asText());
            assertTrue(claims.get("email_verified").asBoolean());
            assertEquals(List.of("gatehouse-admins"), strings(claims.get("groups")), "group names, not paths");

            // Signed in at Keycloak now: the next request comes straight back with a new code,
            // which is worthless without the verifier that belongs to its challenge.
            Flow again = new Flow();
            page.navigate(again.authorizationUrl().toString());
            Map<String, String> second = again.awaitCallback(page);
            HttpResponse<String> refused = again.exchangeResponse(second.get("code"), new Flow().verifier);
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("invalid_grant"), refused.body());

            // RP-initiated logout comes back to a registered post-logout URI, and ends the session
            // at Keycloak: the next request asks for the password again.
            String signedOut = "http://127.0.0.1:" + callback.getAddress().getPort() + "/signed-out";
            page.navigate(keycloak.endSessionEndpoint() + "?" + form(Map.of("id_token_hint", tokens.get("id_token").asText(),
                    "post_logout_redirect_uri", signedOut, "state", flow.state)));
            page.waitForURL(signedOut + "?state=" + flow.state);
            page.navigate(new Flow().authorizationUrl().toString());
            new KeycloakLoginPage(page).form().waitFor();
        } finally {
            page.context().close();
        }
    }

    @Test
    void bobAndCarolComeBackWithoutKeycloakAskingForMoreAndCarolsEmailIsNotVerified() throws Exception {
        for (RealKeycloak.User user : List.of(keycloak.bob(), keycloak.carol())) {
            Page page = chromium.open();
            try {
                Flow flow = new Flow();
                page.navigate(flow.authorizationUrl().toString());
                new KeycloakLoginPage(page).signIn(user);
                Map<String, String> back = flow.awaitCallback(page);
                JsonNode claims = idTokenClaims(flow.exchange(back.get("code"), flow.verifier));
                assertEquals(user.email(), claims.get("email").asText());
                assertEquals(user.emailVerified(), claims.get("email_verified").asBoolean(), user.username());
                assertEquals(List.of("gatehouse-users"), strings(claims.get("groups")));
            } finally {
                page.context().close();
            }
        }
        assertFalse(keycloak.carol().emailVerified());
    }

    @Test
    void aWrongPasswordIsRefusedOnKeycloaksPage() {
        Page page = chromium.open();
        try {
            Flow flow = new Flow();
            page.navigate(flow.authorizationUrl().toString());
            KeycloakLoginPage login = new KeycloakLoginPage(page);
            login.signIn(keycloak.alice().username(), "not alice's password");
            login.error().waitFor();
            assertTrue(login.error().textContent().contains("Invalid username or password"), login.error().textContent());
            assertTrue(login.form().isVisible());
            assertTrue(CALLBACK_QUERIES.isEmpty(), "nothing came back to the callback");
        } finally {
            page.context().close();
        }
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
        Flow flow = new Flow();
        String withoutChallenge = flow.authorizationUrl().toString().replaceAll("&code_challenge(_method)?=[^&]*", "");
        assertFalse(withoutChallenge.contains("code_challenge"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(withoutChallenge)).build(),
                HttpResponse.BodyHandlers.ofString());
        // Keycloak sends the error back to the (valid) redirect URI instead of showing a sign-in form.
        assertEquals(302, response.statusCode(), response.body());
        Map<String, String> error = query(URI.create(response.headers().firstValue("Location").orElseThrow()).getRawQuery());
        assertEquals("invalid_request", error.get("error"), error.toString());
        assertTrue(error.get("error_description").contains("code_challenge"), error.toString());
        assertEquals(flow.state, error.get("state"));
    }

    @Test
    void theCallbackIsAcceptedOnAnyPortOf127001AndLocalhost() throws Exception {
        for (String host : List.of("127.0.0.1", "localhost")) {
            for (int port : List.of(8000, 61234)) {
                Flow flow = new Flow("http://" + host + ":" + port + RealKeycloak.CALLBACK_PATH);
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(flow.authorizationUrl()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), host + ":" + port);
                assertTrue(response.body().contains("id=\"kc-form-login\""), host + ":" + port);
            }
        }
    }

    @Test
    void aRedirectUriKeycloakDoesNotKnowIsRefusedWithoutRedirecting() throws Exception {
        for (String foreign : List.of("http://127.0.0.1:" + callback.getAddress().getPort() + "/elsewhere",
                "http://evil.example" + RealKeycloak.CALLBACK_PATH,
                "https://127.0.0.1:" + callback.getAddress().getPort() + RealKeycloak.CALLBACK_PATH + "/more")) {
            Flow flow = new Flow(foreign);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(flow.authorizationUrl()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), foreign);
            assertTrue(response.body().contains("Invalid parameter: redirect_uri"), foreign);
            assertTrue(response.headers().firstValue("Location").isEmpty(), foreign);
        }
    }

    /** One authorization request: PKCE S256, state and nonce, for client gatehouse. */
    private static final class Flow {
        final String verifier = random();
        final String state = random();
        final String nonce = random();
        final String redirectUri;

        Flow() {
            this(RealKeycloak.redirectUri(callback.getAddress().getPort()));
        }

        Flow(String redirectUri) {
            this.redirectUri = redirectUri;
        }

        URI authorizationUrl() {
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("response_type", "code");
            parameters.put("client_id", keycloak.clientId());
            parameters.put("redirect_uri", redirectUri);
            parameters.put("scope", "openid email profile");
            parameters.put("state", state);
            parameters.put("nonce", nonce);
            parameters.put("code_challenge", challenge);
            parameters.put("code_challenge_method", "S256");
            return URI.create(keycloak.authorizationEndpoint() + "?" + form(parameters));
        }

        /** Waits until the browser is back at the callback, and returns the query it brought. */
        Map<String, String> awaitCallback(Page page) throws InterruptedException {
            page.waitForURL(redirectUri + "?**");
            String raw = CALLBACK_QUERIES.poll(10, TimeUnit.SECONDS);
            assertNotNull(raw, "the callback was not called");
            Map<String, String> query = query(raw);
            assertNotNull(query.get("code"), query.toString());
            return query;
        }

        JsonNode exchange(String code, String codeVerifier) throws IOException, InterruptedException {
            HttpResponse<String> response = exchangeResponse(code, codeVerifier);
            assertEquals(200, response.statusCode(), response.body());
            return JSON.readTree(response.body());
        }

        HttpResponse<String> exchangeResponse(String code, String codeVerifier) throws IOException, InterruptedException {
            String basic = Base64.getEncoder().encodeToString((form(keycloak.clientId()) + ":" + form(keycloak.clientSecret()))
                    .getBytes(StandardCharsets.UTF_8));
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("grant_type", "authorization_code");
            parameters.put("code", code);
            parameters.put("redirect_uri", redirectUri);
            parameters.put("code_verifier", codeVerifier);
            return HTTP.send(HttpRequest.newBuilder(keycloak.tokenEndpoint())
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The ID token's claims, read without checking its signature (Keycloak just handed it over the back channel). */
    private static JsonNode idTokenClaims(JsonNode tokens) throws IOException {
        String idToken = tokens.get("id_token").asText();
        return JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
    }

    private static List<String> strings(JsonNode array) {
        assertNotNull(array, "no such claim");
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> form(e.getKey()) + "=" + form(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }
}
