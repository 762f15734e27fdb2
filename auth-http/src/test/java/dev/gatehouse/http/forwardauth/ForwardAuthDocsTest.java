package dev.gatehouse.http.forwardauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.testing.Caddy;
import dev.gatehouse.http.testing.Nginx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/deployment.md shows the nginx configuration that ForwardAuthNginxIT runs and the Caddyfile
 * that ForwardAuthCaddyIT runs, word for word.
 */
class ForwardAuthDocsTest {

    @Test
    void theDeploymentGuideQuotesTheTestedNginxConfigurationVerbatim() throws Exception {
        assertQuotedVerbatim(Nginx.TEMPLATE, "nginx");
    }

    @Test
    void theTestPutsItsPortsWhereTheGuideHasItsAddresses() throws Exception {
        String site = Nginx.site(Files.readString(Nginx.TEMPLATE), 18000, 18080, 18888);

        assertTrue(site.contains("server 127.0.0.1:18000;") && site.contains("server 127.0.0.1:18080;")
                && site.contains("listen 127.0.0.1:18888;"), site);
    }

    @Test
    void theDeploymentGuideQuotesTheTestedTwoHostNginxConfigurationVerbatim() throws Exception {
        assertQuotedVerbatim(Nginx.TWO_HOSTS, "nginx");
    }

    @Test
    void theTwoHostTestPutsItsPortAndNamesWhereTheGuideHasItsOwn() throws Exception {
        String site = Nginx.twoHostSite(Files.readString(Nginx.TWO_HOSTS), 18000, 18080, 18888, "auth.gatehouse.test",
                "ai.gatehouse.test");

        assertTrue(site.contains("server 127.0.0.1:18000;") && site.contains("server 127.0.0.1:18080;")
                && site.split("listen 127.0.0.1:18888;", -1).length == 3 && site.contains("server_name auth.gatehouse.test;")
                && site.contains("server_name ai.gatehouse.test;"), site);
        assertFalse(site.contains("listen 80;") || site.contains("server_name auth.example.com"), site);
    }

    @Test
    void theDeploymentGuideQuotesTheTestedTwoHostCaddyfileVerbatim() throws Exception {
        assertQuotedVerbatim(Caddy.TWO_HOSTS, "caddyfile");
    }

    @Test
    void theTwoHostCaddyTestServesBothSitesOnItsPortUnderItsNames() throws Exception {
        String site = Caddy.twoHostSite(Files.readString(Caddy.TWO_HOSTS), 18000, 18080, 18888, "auth.gatehouse.test",
                "ai.gatehouse.test");

        assertTrue(site.contains("\nhttp://auth.gatehouse.test:18888 {\n") && site.contains("\nhttp://ai.gatehouse.test:18888 {\n")
                && site.contains("forward_auth 127.0.0.1:18000 {\n") && site.contains("reverse_proxy 127.0.0.1:18000\n")
                && site.contains("reverse_proxy 127.0.0.1:18080\n"), site);
        assertFalse(site.contains(":8000") || site.contains(":8080") || site.contains("\nai.example.com {"), site);
    }

    @Test
    void theDeploymentGuideQuotesTheTestedCaddyfileVerbatim() throws Exception {
        assertQuotedVerbatim(Caddy.TEMPLATE, "caddyfile");
    }

    @Test
    void theCaddyTestServesTheGuidesSiteOnItsPortAndProxiesToItsServers() throws Exception {
        String site = Caddy.site(Files.readString(Caddy.TEMPLATE), 18000, 18080, 18888);

        assertTrue(site.contains("http://127.0.0.1:18888 {\n") && site.contains("forward_auth 127.0.0.1:18000 {\n")
                && site.contains("reverse_proxy 127.0.0.1:18000\n") && site.contains("reverse_proxy 127.0.0.1:18080\n"), site);
        assertFalse(site.contains("example.com") || site.contains(":8000") || site.contains(":8080"), site);
    }

    @Test
    void aCaddyfileWithoutTheDocumentedAddressesIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Caddy.site("ai.example.com {\n\treverse_proxy 127.0.0.1:8080\n}\n", 18000, 18080, 18888));

        assertTrue(refused.getMessage().contains("'127.0.0.1:8000' 2 time(s), not 0"), refused.getMessage());
    }

    /** docs/deployment.md quotes {@code tested} in full in a fenced block of {@code language}. */
    private static void assertQuotedVerbatim(java.nio.file.Path tested, String language) throws Exception {
        String guide = Files.readString(tested.getParent().getParent().resolve("deployment.md"));
        assertTrue(guide.contains("```" + language + "\n" + Files.readString(tested) + "```\n"), "docs/deployment.md"
                + " must quote " + tested + " in full in a ```" + language + " block; copy the file into it after"
                + " changing either");
    }
}
