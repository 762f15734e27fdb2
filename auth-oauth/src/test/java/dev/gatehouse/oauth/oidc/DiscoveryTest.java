package dev.gatehouse.oauth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider.Failed;
import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.core.port.out.IdentityProvider.Health;
import dev.gatehouse.core.port.out.IdentityProvider.Redirect;
import dev.gatehouse.core.port.out.IdentityProvider.RoundTrip;
import dev.gatehouse.core.port.out.IdentityProvider.Verified;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.OidcSettings;
import dev.gatehouse.oauth.config.Secret;
import dev.gatehouse.oauth.flow.ProviderUnavailableException;
import dev.gatehouse.oauth.testing.Browser;
import dev.gatehouse.oauth.testing.MutableClock;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/**
 * A provider that is down when Gatehouse starts is reported, refused with a clear message, and
 * retried until it is up; it never silently disappears. A provider that does not answer in time
 * counts as down.
 */
class DiscoveryTest {

    static final URI CALLBACK = URI.create("https://gatehouse.example/auth/keycloak/callback");

    @Test
    void aProviderDownAtStartIsReportedRetriedAndUsedOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        MutableClock clock = new MutableClock();
        OidcProvider provider = new OidcProvider(OidcSettings.of(ProviderName.of("keycloak"),
                URI.create("http://localhost:" + port + "/realm"), "gatehouse", Secret.of("client-secret")),
                FlowSettings.DEFAULTS, clock);

        Health atStart = provider.discoverNow();
        assertFalse(atStart.up());
        assertTrue(atStart.detail().contains("localhost:" + port), atStart.detail());
        ProviderUnavailableException refused = assertThrows(ProviderUnavailableException.class,
                () -> provider.begin(CALLBACK));
        assertTrue(refused.getMessage().startsWith("Keycloak cannot be used for signing in right now"),
                refused.getMessage());
        RoundTrip old = new RoundTrip(ProviderName.of("keycloak"), "s", "n", "v", clock.instant());
        assertEquals(Failure.UNAVAILABLE, assertInstanceOf(Failed.class, provider.complete(Map.of("state", "s",
                "code", "c"), old, CALLBACK)).why());

        MockOAuth2Server server = new MockOAuth2Server();
        server.start(port);
        try {
            assertFalse(provider.health().up(), "not retried before the backoff has passed");
            clock.advance(Duration.ofMinutes(6));
            Instant deadline = Instant.now().plusSeconds(10);
            while (!provider.health().up() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertTrue(provider.health().up(), provider.health().detail());

            server.enqueueCallback(new DefaultOAuth2TokenCallback("realm", "alice", "JWT", List.of("gatehouse"),
                    Map.of("preferred_username", "alice"), 3600));
            Redirect redirect = provider.begin(CALLBACK);
            assertInstanceOf(Verified.class, provider.complete(Browser.visit(redirect.location()), redirect.roundTrip(),
                    CALLBACK));
        } finally {
            server.shutdown();
        }
    }

    @Test
    void aProviderThatDoesNotAnswerDiscoveryInTimeIsDown() throws Exception {
        HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        silent.createContext("/", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            OidcProvider provider = new OidcProvider(OidcSettings.of(ProviderName.of("slow"),
                    URI.create("http://127.0.0.1:" + silent.getAddress().getPort()), "gatehouse",
                    Secret.of("client-secret")), FlowSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(1),
                    Duration.ofMillis(300)), new MutableClock());

            long started = System.nanoTime();
            Health health = provider.discoverNow();

            assertFalse(health.up());
            assertTrue(health.detail().contains("no answer in time"), health.detail());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2500, "bounded by the read timeout");
        } finally {
            silent.stop(0);
        }
    }

    @Test
    void anIssuerWhoseDiscoveryNamesAnotherIssuerIsDown() throws Exception {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        try {
            // The document at /realm names .../realm; asking for /realm/ (one slash more) is a different issuer.
            OidcProvider provider = new OidcProvider(OidcSettings.of(ProviderName.of("keycloak"),
                    URI.create(server.issuerUrl("realm") + "/"), "gatehouse", Secret.of("client-secret")),
                    FlowSettings.DEFAULTS, new MutableClock());

            assertFalse(provider.discoverNow().up(), provider.health().detail());
        } finally {
            server.shutdown();
        }
    }
}
