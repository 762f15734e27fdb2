package dev.gatehouse.http.ops;

import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider;
import dev.gatehouse.http.web.SignInProviders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.config.ServerSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a starting server logs about itself: nothing secret, and warnings that say what to do. */
class StartupReportTest {

    @Test
    void theStoresPasswordIsMaskedWhereverTheUrlCarriesIt() {
        assertEquals("postgres://gh:****@db:5432/gatehouse", StartupReport.masked("postgres://gh:s3cret@db:5432/gatehouse"));
        assertEquals("jdbc:postgresql://db/gatehouse?user=gh&password=****&ssl=true",
                StartupReport.masked("jdbc:postgresql://db/gatehouse?user=gh&password=s3cret&ssl=true"));
        assertEquals("postgres://gh:****@db/gatehouse", StartupReport.masked("postgres://gh:p@ss/w:rd@db/gatehouse"));
        assertEquals("postgres://gh@db/gatehouse?password=****", StartupReport.masked("postgres://gh@db/gatehouse?password=s3cret"));
        assertEquals("sqlite:/var/lib/gatehouse/gatehouse.db", StartupReport.masked("sqlite:/var/lib/gatehouse/gatehouse.db"));
    }

    @Test
    void noAuthAndAnOpenAddressWithoutAProxyAreWarnedAboutWithWhatToDo() {
        ServerSettings open = new ServerSettings("0.0.0.0", 8000, "sqlite:/tmp/g.db", List.of()).withAuth(AuthMode.NONE, List.of());
        List<String> warnings = StartupReport.warnings(open, false);

        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("--auth none") && warnings.get(0).contains("--auth auto"), warnings::toString);
        assertTrue(warnings.get(1).contains("0.0.0.0") && warnings.get(1).contains("--trusted-proxy"), warnings::toString);
    }

    @Test
    void aLoopbackServerBehindNothingWithUsersHasNothingToWarnAbout() {
        ServerSettings local = new ServerSettings("127.0.0.1", 8000, "sqlite:/tmp/g.db", List.of());
        assertEquals(List.of(), StartupReport.warnings(local, false));
        ServerSettings proxied = new ServerSettings("0.0.0.0", 8000, "sqlite:/tmp/g.db", List.of("10.0.0.2"));
        assertEquals(List.of(), StartupReport.warnings(proxied, false));
        assertTrue(StartupReport.warnings(local, true).get(0).contains("not logged"));
    }

    @Test
    void aProviderThatDidNotAnswerDiscoveryIsWarnedAboutByName() {
        SignInProviders providers = new SignInProviders(List.of(provider("keycloak", true), provider("corp", false)), true,
                java.util.Optional.of(java.net.URI.create("https://auth.example.org")));
        List<String> warnings = StartupReport.providerWarnings(providers);
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("corp is down: connection refused") && warnings.get(0).contains("/readyz"),
                warnings::toString);
    }

    private static IdentityProvider provider(String name, boolean up) {
        return new IdentityProvider() {
            public ProviderName name() {
                return ProviderName.of(name);
            }

            public String displayName() {
                return name;
            }

            public Redirect begin(java.net.URI redirectUri) {
                throw new UnsupportedOperationException();
            }

            public Outcome complete(java.util.Map<String, String> callback, RoundTrip started, java.net.URI redirectUri) {
                throw new UnsupportedOperationException();
            }

            public Health health() {
                return up ? Health.ok() : Health.down("connection refused");
            }
        };
    }
}
