package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/deployment.md shows the nginx configuration that ForwardAuthNginxIT runs, word for word. */
class ForwardAuthDocsTest {

    @Test
    void theDeploymentGuideQuotesTheTestedNginxConfigurationVerbatim() throws Exception {
        String tested = Files.readString(Nginx.TEMPLATE);
        String guide = Files.readString(Nginx.TEMPLATE.getParent().getParent().resolve("deployment.md"));

        assertTrue(guide.contains("```nginx\n" + tested + "```\n"), "docs/deployment.md must quote "
                + Nginx.TEMPLATE + " in full in a ```nginx block; copy the file into it after changing either");
    }

    @Test
    void theTestPutsItsPortsWhereTheGuideHasItsAddresses() throws Exception {
        String site = Nginx.site(Files.readString(Nginx.TEMPLATE), 18000, 18080, 18888);

        assertTrue(site.contains("server 127.0.0.1:18000;") && site.contains("server 127.0.0.1:18080;")
                && site.contains("listen 127.0.0.1:18888;"), site);
    }
}
