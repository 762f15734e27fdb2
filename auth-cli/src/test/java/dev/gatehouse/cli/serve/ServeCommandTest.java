package dev.gatehouse.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.TestCli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code gatehouse serve} refuses before it starts anything. */
class ServeCommandTest {

    @TempDir
    Path home;

    @Test
    void anUnknownAuthModeIsAUsageErrorNamingTheModes() {
        TestCli.Run run = new TestCli(home).run("serve", "--auth", "github", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("auto, none or apikey"), run::toString);
    }

    @Test
    void apikeyModeWithoutKeysSaysWhereTheKeysGo() {
        TestCli.Run run = new TestCli(home).run("serve", "--auth", "apikey", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("GATEHOUSE_API_KEYS"), run::toString);
    }

    @Test
    void aSessionIdleTimeoutMustBeADuration() {
        TestCli.Run run = new TestCli(home).run("serve", "--session-idle", "soon", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("12h"), run::toString);
    }

    @Test
    void aKeyLifetimeMustBeADurationOrNever() {
        TestCli.Run run = new TestCli(home).run("serve", "--key-lifetime", "forever", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("90d") || run.err().contains("7d"), run::toString);
    }

    @Test
    void aCookieDomainThatIsNoParentOfThePortalStopsTheStartSayingWhichWouldDo() {
        TestCli.Run run = new TestCli(home).run("serve", "--portal-url", "https://auth.example.com", "--cookie-domain",
                "example.org", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("'example.org' is not a parent of the portal's host 'auth.example.com'")
                && run.err().contains("--cookie-domain example.com"), run::toString);
    }

    @Test
    void aPortalWithoutACookieDomainAndTheOtherWayRoundStopTheStart() {
        TestCli.Run portalOnly = new TestCli(home).run("serve", "--portal-url", "https://auth.example.com", "--port", "0");
        assertEquals(ExitCodes.USAGE, portalOnly.exitCode(), portalOnly::toString);
        assertTrue(portalOnly.err().contains("--portal-url needs --cookie-domain")
                && portalOnly.err().contains("--cookie-domain example.com"), portalOnly::toString);
        TestCli.Run domainOnly = new TestCli(home).run("serve", "--cookie-domain", "example.com", "--port", "0");
        assertEquals(ExitCodes.USAGE, domainOnly.exitCode(), domainOnly::toString);
        assertTrue(domainOnly.err().contains("--cookie-domain needs --portal-url"), domainOnly::toString);
    }

    @Test
    void aPortalUrlWithAPathOrUserOrAnotherSchemeAndACookieDomainOfOneLabelStopTheStart() {
        for (String[] wrong : new String[][] {{"https://auth.example.com/login", "example.com"},
                {"https://me@auth.example.com", "example.com"}, {"ftp://auth.example.com", "example.com"},
                {"auth.example.com", "example.com"}, {"https://auth.example.com", "com"},
                {"https://127.0.0.1", "0.0.1"}, {"https://auth.example.com", "*.example.com"}}) {
            TestCli.Run run = new TestCli(home).run("serve", "--portal-url", wrong[0], "--cookie-domain", wrong[1], "--port", "0");
            assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
            assertTrue(run.err().contains("e.g. https://auth.example.com") || run.err().contains("such as example.com"),
                    run::toString);
        }
    }

    @Test
    void aLogLevelOrFormatGatehouseCannotReadStopsTheStartSayingWhatWouldDo() {
        TestCli.Run level = new TestCli(home).run("serve", "--log-level", "info,dev.gatehouse=loud", "--port", "0");
        assertEquals(ExitCodes.USAGE, level.exitCode(), level::toString);
        assertTrue(level.err().contains("'loud'") && level.err().contains("info,dev.gatehouse=debug"), level::toString);
        TestCli.Run format = new TestCli(home).run("serve", "--log-format", "xml", "--port", "0");
        assertEquals(ExitCodes.USAGE, format.exitCode(), format::toString);
        assertTrue(format.err().contains("text or json"), format::toString);
    }

    @Test
    void helpListsTheAuthModes() {
        TestCli.Run run = new TestCli(home).run("serve", "--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("--auth") && run.out().contains("setup mode"), run::toString);
    }

    @Test
    void passwordLoginOffWithoutAProviderStopsTheStart() {
        TestCli.Run run = new TestCli(home).run("serve", "--password-login", "off", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--password-login off leaves no way to sign in"), run::toString);
    }

    @Test
    void aProviderWithoutABaseUrlStopsTheStartSayingWhy() {
        TestCli cli = new TestCli(home);
        cli.variables.put("GATEHOUSE_OIDC_PROVIDERS", "keycloak");
        cli.variables.put("GATEHOUSE_OIDC_KEYCLOAK_ISSUER", "http://127.0.0.1:9/realms/gatehouse");
        cli.variables.put("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_ID", "gatehouse");
        cli.variables.put("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_SECRET", "secret");
        TestCli.Run run = cli.run("serve", "--port", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--base-url") && run.err().contains("/auth/NAME/callback"), run::toString);
    }

    @Test
    void aBaseUrlMustBeAnHttpAddressAndPasswordLoginOnOrOff() {
        TestCli.Run url = new TestCli(home).run("serve", "--base-url", "auth.example.org", "--port", "0");
        assertEquals(ExitCodes.USAGE, url.exitCode(), url::toString);
        assertTrue(url.err().contains("https://auth.example.org"), url::toString);
        TestCli.Run onOff = new TestCli(home).run("serve", "--password-login", "maybe", "--port", "0");
        assertEquals(ExitCodes.USAGE, onOff.exitCode(), onOff::toString);
        assertTrue(onOff.err().contains("on or off"), onOff::toString);
    }

    @Test
    void helpExplainsTheSignInOptions() {
        TestCli.Run run = new TestCli(home).run("serve", "--help");
        assertTrue(run.out().contains("--base-url") && run.out().contains("--password-login")
                && run.out().contains("GATEHOUSE_BASE_URL"), run::toString);
    }
}
