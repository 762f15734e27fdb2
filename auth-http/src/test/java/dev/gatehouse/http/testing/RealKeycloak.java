package dev.gatehouse.http.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak of the test run ({@code .ci/keycloak}, which {@code .ci/run} starts): its
 * issuer from GATEHOUSE_TEST_KEYCLOAK_ISSUER, and the client and users of the realm it imported,
 * read from the same file ({@code src/test/resources/keycloak/gatehouse-realm.json}). Tests are
 * skipped without that variable, and fail under CI=true.
 */
public final class RealKeycloak {

    public static final String ISSUER_VARIABLE = "GATEHOUSE_TEST_KEYCLOAK_ISSUER";
    /** The realm Keycloak imports, on the test class path. */
    public static final String REALM_RESOURCE = "/keycloak/gatehouse-realm.json";
    /** The path of the redirect URI registered for the client, on any port of 127.0.0.1 or localhost. */
    public static final String CALLBACK_PATH = "/auth/keycloak/callback";
    /** Keycloak's own administrator (master realm), as .ci/keycloak bootstraps it. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "gatehouse-test-admin";

    /** A user of the test realm, with the password Keycloak asks for and the groups it puts in {@code groups}. */
    public record User(String username, String password, String email, boolean emailVerified, List<String> groups) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    /** .ci/run starts Keycloak in the background, so the first test may have to wait for it. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("GATEHOUSE_TEST_KEYCLOAK_WAIT_SECONDS", "240")));
    private static RealKeycloak running;

    private final URI issuer;
    private final JsonNode discovery;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, User> users;

    private RealKeycloak(URI issuer, JsonNode discovery, JsonNode realm) {
        this.issuer = issuer;
        this.discovery = discovery;
        JsonNode client = realm.get("clients").get(0);
        this.clientId = client.get("clientId").asText();
        this.clientSecret = client.get("secret").asText();
        Map<String, User> byName = new LinkedHashMap<>();
        for (JsonNode user : realm.get("users")) {
            List<String> groups = new ArrayList<>();
            user.get("groups").forEach(path -> groups.add(path.asText().substring(path.asText().lastIndexOf('/') + 1)));
            byName.put(user.get("username").asText(), new User(user.get("username").asText(),
                    user.get("credentials").get(0).get("value").asText(), user.get("email").asText(),
                    user.get("emailVerified").asBoolean(), List.copyOf(groups)));
        }
        this.users = Map.copyOf(byName);
    }

    /**
     * The running Keycloak, once its realm's discovery document answers (waiting for a start in
     * the background), or the calling test skipped when GATEHOUSE_TEST_KEYCLOAK_ISSUER is not set.
     */
    public static synchronized RealKeycloak get() {
        if (running == null) {
            String issuer = System.getenv(ISSUER_VARIABLE);
            if (issuer == null || issuer.isBlank()) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new AssertionError("CI=true but " + ISSUER_VARIABLE + " is not set; .ci/run sets it.");
                }
                assumeTrue(false, ISSUER_VARIABLE + " is not set: no Keycloak to test against"
                        + " (start one with .ci/keycloak start and export the URL it prints)");
            }
            running = new RealKeycloak(URI.create(issuer), awaitDiscovery(URI.create(issuer)), realm());
        }
        return running;
    }

    private static JsonNode awaitDiscovery(URI issuer) {
        URI document = URI.create(issuer + "/.well-known/openid-configuration");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(document).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for Keycloak", e);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for Keycloak", e);
            }
        }
        throw new AssertionError("Keycloak's " + document + " did not answer within " + READY_WITHIN.toSeconds()
                + " s (" + last + "); .ci/keycloak logs to /tmp/gatehouse-test-keycloak/keycloak.log");
    }

    private static JsonNode realm() {
        try (InputStream in = RealKeycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is not on the test class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer, exactly as Keycloak names itself in discovery and in ID tokens. */
    public URI issuer() {
        return issuer;
    }

    /** The realm's discovery document, as Keycloak served it. */
    public JsonNode discovery() {
        return discovery;
    }

    public URI authorizationEndpoint() {
        return URI.create(discovery.get("authorization_endpoint").asText());
    }

    public URI tokenEndpoint() {
        return URI.create(discovery.get("token_endpoint").asText());
    }

    public URI endSessionEndpoint() {
        return URI.create(discovery.get("end_session_endpoint").asText());
    }

    /** The confidential client Gatehouse signs in with: standard flow only, PKCE S256 required. */
    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The redirect URI Keycloak accepts for a Gatehouse listening on {@code port} of 127.0.0.1. */
    public static String redirectUri(int port) {
        return "http://127.0.0.1:" + port + CALLBACK_PATH;
    }

    /** In gatehouse-admins, verified email alice@corp.example. */
    public User alice() {
        return user("alice");
    }

    /** In gatehouse-users, verified email bob@corp.example. */
    public User bob() {
        return user("bob");
    }

    /** In gatehouse-users, with an email Keycloak marks as NOT verified. */
    public User carol() {
        return user("carol");
    }

    public User user(String username) {
        User user = users.get(username);
        if (user == null) {
            throw new IllegalArgumentException("no user " + username + " in " + REALM_RESOURCE);
        }
        return user;
    }
}
