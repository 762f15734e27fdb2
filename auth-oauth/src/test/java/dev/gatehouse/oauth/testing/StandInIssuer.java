package dev.gatehouse.oauth.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A small but strict OpenID Connect provider for the checks mock-oauth2-server cannot be made to
 * fail: it refuses a code twice and a missing or wrong PKCE verifier, takes only the client
 * authentication it announces, rotates its signing key, can sign with a key it does not publish,
 * shape every ID token claim, answer slowly, and send (or not) the RFC 9207 {@code iss} parameter.
 */
public final class StandInIssuer implements AutoCloseable {

    public static final String CLIENT_ID = "gatehouse";
    public static final String CLIENT_SECRET = "stand-in-secret";

    private final HttpServer server;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> userInfoByToken = new ConcurrentHashMap<>();
    public final AtomicInteger jwksFetches = new AtomicInteger();
    public final AtomicInteger tokenRequests = new AtomicInteger();

    private volatile ECKey key = newKey();
    /** Signs ID tokens with this instead of the published key (a forged token), when set. */
    public volatile ECKey forger;
    public volatile UnaryOperator<JWTClaimsSet.Builder> shape = UnaryOperator.identity();
    public volatile Map<String, Object> userInfo = Map.of();
    public volatile boolean announceIssParameter;
    /** Entries put over the discovery document's own (another token endpoint, say). */
    public volatile Map<String, Object> discoveryChanges = Map.of();
    /** {@code "right"}, {@code "wrong"} or {@code null} (not sent). */
    public volatile String issParameter;
    public volatile List<String> authMethods = List.of("client_secret_basic", "client_secret_post");
    public volatile Duration tokenDelay = Duration.ZERO;
    /** Answers the code with an access token only, as a plain OAuth 2.0 server would. */
    public volatile boolean omitIdToken;
    public volatile String lastClientAuthentication = "";

    public StandInIssuer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", this::jwks);
        server.createContext("/userinfo", this::userinfo);
        server.start();
    }

    public URI issuer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Publishes a new signing key in place of the old one, under a new {@code kid}. */
    public void rotate() {
        key = newKey();
    }

    public String currentKid() {
        return key.getKeyID();
    }

    /** A new P-256 key (ES256): quick to make, where RSA keys cost seconds each on a busy machine. */
    public static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String base = issuer().toString();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", base);
        doc.put("authorization_endpoint", base + "/authorize");
        doc.put("token_endpoint", base + "/token");
        doc.put("jwks_uri", base + "/jwks");
        doc.put("userinfo_endpoint", base + "/userinfo");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("ES256"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("token_endpoint_auth_methods_supported", authMethods);
        doc.put("authorization_response_iss_parameter_supported", announceIssParameter);
        doc.putAll(discoveryChanges);
        json(exchange, 200, doc);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = Browser.query(exchange.getRequestURI());
        if (!"code".equals(q.get("response_type")) || !CLIENT_ID.equals(q.get("client_id"))
                || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, q);
        String back = q.get("redirect_uri") + "?code=" + code + "&state=" + enc(q.get("state"));
        if (issParameter != null) {
            back += "&iss=" + enc(issParameter.equals("right") ? issuer().toString() : "https://elsewhere.example");
        }
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = Browser.query(URI.create("?" + new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)));
        if (!clientAuthenticated(exchange, form)) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        sleep(tokenDelay);
        Map<String, String> asked = codes.remove(String.valueOf(form.get("code")));
        if (asked == null || !asked.get("redirect_uri").equals(form.get("redirect_uri")) || form.get("code_verifier") == null
                || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(form.get("code_verifier")))
                .getValue().equals(asked.get("code_challenge"))) {
            json(exchange, 400, Map.of("error", "invalid_grant", "error_description", "code or verifier is wrong"));
            return;
        }
        Date now = new Date();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer().toString()).subject("s-1234")
                .audience(CLIENT_ID).issueTime(now).expirationTime(new Date(now.getTime() + 300_000))
                .claim("nonce", asked.get("nonce")).claim("preferred_username", "alice");
        ECKey signer = forger != null ? forger : key;
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(forger != null
                ? key.getKeyID() : signer.getKeyID()).build(), shape.apply(claims).build());
        try {
            idToken.sign(new ECDSASigner(signer));
        } catch (JOSEException e) {
            throw new IOException(e);
        }
        String accessToken = UUID.randomUUID().toString();
        userInfoByToken.put(accessToken, userInfo);
        Map<String, Object> answer = new LinkedHashMap<>(Map.of("access_token", accessToken, "token_type", "Bearer",
                "expires_in", 300));
        if (!omitIdToken) {
            answer.put("id_token", idToken.serialize());
        }
        json(exchange, 200, answer);
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (basic != null) {
            lastClientAuthentication = "client_secret_basic";
            return authMethods.contains("client_secret_basic") && basic.equals(expected);
        }
        lastClientAuthentication = "client_secret_post";
        return authMethods.contains("client_secret_post") && CLIENT_ID.equals(form.get("client_id"))
                && CLIENT_SECRET.equals(form.get("client_secret"));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksFetches.incrementAndGet();
        json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject());
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Map<String, Object> info = auth.startsWith("Bearer ") ? userInfoByToken.get(auth.substring(7)) : null;
        if (info == null) {
            json(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", "s-1234");
        body.putAll(info);
        json(exchange, 200, body);
    }

    private static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(new LinkedHashMap<>(body)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
