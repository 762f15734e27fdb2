package dev.gatehouse.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.port.out.IdentityProvider;
import dev.gatehouse.core.port.out.IdentityProvider.Outcome;
import dev.gatehouse.core.port.out.IdentityProvider.Redirect;
import dev.gatehouse.core.port.out.IdentityProvider.Verified;
import dev.gatehouse.oauth.config.ProvidersConfig;
import dev.gatehouse.oauth.testing.Browser;
import java.net.URI;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/** The library example of docs/oauth.md, as written there, with no framework around it. */
class LibraryUsageExampleTest {

    @Test
    void theDocumentedExampleSignsAPersonIn() throws Exception {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        try {
            server.enqueueCallback(new DefaultOAuth2TokenCallback("main", "alice", "JWT", List.of("app"),
                    Map.of("preferred_username", "alice", "groups", List.of("admins")), 3600));
            Map<String, String> environment = Map.of("GATEHOUSE_OIDC_PROVIDERS", "keycloak",
                    "GATEHOUSE_OIDC_KEYCLOAK_ISSUER", server.issuerUrl("main").toString(),
                    "GATEHOUSE_OIDC_KEYCLOAK_CLIENT_ID", "app", "GATEHOUSE_OIDC_KEYCLOAK_CLIENT_SECRET", "secret");
            ExternalIdentity signedIn = null;

            // --- as in docs/oauth.md ---
            ProvidersConfig config = ProvidersConfig.fromEnvironment(environment);
            IdentityProvider keycloak = IdentityProviders.from(config).get(0);
            URI callback = URI.create("https://app.example.org/auth/keycloak/callback");

            Redirect redirect = keycloak.begin(callback);
            Map<String, String> queryParameters = Browser.visit(redirect.location());
            Outcome outcome = keycloak.complete(queryParameters, redirect.roundTrip(), callback);
            if (outcome instanceof Verified verified) {
                ExternalIdentity who = verified.identity();
                signedIn = who;
            }
            // ---

            assertEquals("alice", signedIn.login());
            assertEquals(List.of("admins"), signedIn.groups());
        } finally {
            server.shutdown();
        }
    }
}
