package dev.gatehouse.http.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.config.SignInOptions;
import dev.gatehouse.http.testing.Chromium;
import dev.gatehouse.http.testing.KeycloakLoginPage;
import dev.gatehouse.http.testing.RealKeycloak;
import dev.gatehouse.http.testing.RunningServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The issue's "done when", in a real browser against the test run's real Keycloak: a person clicks
 * "Sign in with Keycloak", signs in on Keycloak's own page and lands in Gatehouse, an
 * administrator because of her Keycloak group; someone without that group is not one; a person
 * connects a second provider from My Account; a stranger with the same email at another provider
 * gets no access; the audit page shows each step. The second provider ("Corp SSO") is an
 * in-process OpenID Connect provider. One browser, one Gatehouse server, in that order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSignInIT {

    static final String ROOT_PASSWORD = "root horse battery staple";
    static final String CORP_ISSUER_ID = "corp";
    static final String CORP_CLIENT = "gatehouse-corp";

    static RealKeycloak keycloak;
    static Chromium chromium;
    static MockOAuth2Server corp;
    static RunningServer app;
    static String origin;

    /** Keycloak first (every test skipped, with the reason, when there is none), then the rest once. */
    @BeforeEach
    void keycloakBrowserAndServer() throws IOException {
        keycloak = RealKeycloak.get();
        if (chromium == null) {
            chromium = Chromium.launchOrSkip();
        }
        if (app == null) {
            corp = new MockOAuth2Server();
            corp.start();
            int port = freePort();
            origin = "http://127.0.0.1:" + port;
            Map<String, String> env = Map.ofEntries(
                    Map.entry("GATEHOUSE_OIDC_PROVIDERS", "keycloak,corp"),
                    Map.entry("GATEHOUSE_OIDC_KEYCLOAK_ISSUER", keycloak.issuer().toString()),
                    Map.entry("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_ID", keycloak.clientId()),
                    Map.entry("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_SECRET", keycloak.clientSecret()),
                    Map.entry("GATEHOUSE_OIDC_KEYCLOAK_DISPLAY_NAME", "Keycloak"),
                    Map.entry("GATEHOUSE_OIDC_KEYCLOAK_ADMIN_VALUES", "gatehouse-admins"),
                    Map.entry("GATEHOUSE_OIDC_CORP_ISSUER", corp.issuerUrl(CORP_ISSUER_ID).toString()),
                    Map.entry("GATEHOUSE_OIDC_CORP_CLIENT_ID", CORP_CLIENT),
                    Map.entry("GATEHOUSE_OIDC_CORP_CLIENT_SECRET", "corp-client-secret"),
                    Map.entry("GATEHOUSE_OIDC_CORP_DISPLAY_NAME", "Corp SSO"));
            SignInOptions options = SignInOptions.DEFAULTS.withBaseUrl(Optional.of(URI.create(origin)))
                    .withProviderEnvironment(env);
            String store = "sqlite:" + Files.createTempDirectory("gatehouse-keycloak-").resolve("gatehouse.db");
            app = new RunningServer(store, s -> new ServerSettings(s.host(), port, s.storeUrl(), s.trustedProxies(),
                    s.auth(), s.apiKeys(), s.sessionIdle(), s.keyLifetime(),
                    new RegistrationRules(RegistrationMode.OPEN, Optional.empty()), s.impersonationLimit(),
                    s.allowedHosts(), s.portal(), options));
            app.addAdmin("root", ROOT_PASSWORD);
        }
    }

    @AfterAll
    static void stopEverything() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (app != null) {
            app.close();
            app = null;
        }
        if (corp != null) {
            corp.shutdown();
            corp = null;
        }
    }

    @Test
    @Order(1)
    void aliceSignsInWithKeycloakAndHerGroupMakesHerAnAdministrator() {
        Page alice = chromium.open();
        alice.navigate(origin + "/login?next=%2Fadmin");
        assertThat(alice.locator("[data-providers] a")).hasText(new String[] {"Sign in with Keycloak", "Sign in with Corp SSO"});
        Chromium.screenshot(alice, "keycloak-signin-01-login");
        alice.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Keycloak")).click();
        new KeycloakLoginPage(alice).signIn(keycloak.alice());
        alice.waitForURL(origin + "/admin");
        assertThat(alice.locator("h1")).containsText("Manage Users");
        assertThat(alice.locator("tr[data-user=alice] [data-identities]")).hasText("keycloak:alice");
        assertThat(alice.locator("tr[data-user=alice]")).containsText("Admin");
        Chromium.screenshot(alice, "keycloak-signin-02-admin");

        alice.navigate(origin + "/account");
        assertThat(alice.locator("tr[data-identity='keycloak:alice']")).containsText("alice@corp.example");
        assertThat(alice.locator("tr[data-identity='keycloak:alice'] button")).isDisabled();
        BrowserIT.signOut(alice, origin);
        assertThat(alice.locator("[data-provider-logout]")).isVisible();
        alice.locator("[data-provider-logout] a").click();
        alice.waitForURL(url -> url.startsWith(keycloak.issuer().toString()) || url.startsWith(origin + "/login"));
        alice.navigate(origin + "/account");
        alice.waitForURL(origin + "/login?next=%2Faccount");
        alice.context().close();
    }

    @Test
    @Order(2)
    void bobSignsInWithKeycloakAndIsNoAdministratorThenConnectsASecondProvider() {
        Page bob = chromium.open();
        bob.navigate(origin + "/login");
        bob.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Keycloak")).click();
        new KeycloakLoginPage(bob).signIn(keycloak.bob());
        bob.waitForURL(origin + "/account");
        assertEquals(403, bob.navigate(origin + "/admin").status());
        assertThat(bob.locator("main")).containsText("Administrators only");

        bob.navigate(origin + "/account");
        assertThat(bob.locator("tr[data-identity='keycloak:bob'] button")).isDisabled();
        assertThat(bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))).hasCount(0);
        corp.enqueueCallback(new DefaultOAuth2TokenCallback(CORP_ISSUER_ID, "corp-bob-1", "JWT", List.of(CORP_CLIENT),
                Map.of("preferred_username", "bob.corp", "email", "bob@corp.example", "email_verified", true), 3600));
        // Through Corp SSO's authorize page and back to the callback, which ends on My Account.
        bob.waitForResponse(response -> response.url().startsWith(origin + "/auth/corp/callback"),
                () -> bob.click("[data-connect-provider=corp]"));
        bob.waitForURL(origin + "/account");
        assertThat(bob.locator("tr[data-identity='corp:bob.corp']")).containsText("Corp SSO");
        assertThat(bob.locator("tr[data-identity='keycloak:bob'] button")).isEnabled();
        Chromium.screenshot(bob, "keycloak-signin-03-account-connected");

        bob.click("[aria-label='Disconnect corp:bob.corp']");
        assertThat(bob.locator("tr[data-identity='corp:bob.corp']")).hasCount(0);
        assertThat(bob.locator("tr[data-identity='keycloak:bob'] button")).isDisabled();
        bob.context().close();
    }

    @Test
    @Order(3)
    void aStrangerWithAlicesEmailAtAnotherProviderGetsNoAccess() {
        Page stranger = chromium.open();
        stranger.navigate(origin + "/login");
        corp.enqueueCallback(new DefaultOAuth2TokenCallback(CORP_ISSUER_ID, "corp-stranger", "JWT", List.of(CORP_CLIENT),
                Map.of("preferred_username", "alice", "email", "alice@corp.example", "email_verified", true), 3600));
        stranger.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Corp SSO")).click();
        stranger.waitForURL(origin + "/login?error=email_in_use&provider=corp");
        assertThat(stranger.locator("[data-sign-in-problem]")).hasText("An account already uses this email address."
                + " Sign in the way you did before, then connect Corp SSO from My Account.");
        Chromium.screenshot(stranger, "keycloak-signin-04-email-in-use");
        stranger.navigate(origin + "/account");
        stranger.waitForURL(origin + "/login?next=%2Faccount");
        stranger.context().close();
    }

    @Test
    @Order(4)
    void theAuditPageShowsEachStep() {
        Page root = chromium.open();
        root.navigate(origin + "/login?next=%2Fadmin%2Faudit");
        BrowserIT.signIn(root, "root", ROOT_PASSWORD);
        root.waitForURL(origin + "/admin/audit");
        String audit = root.locator("main").innerText();
        Chromium.screenshot(root, "keycloak-signin-05-audit");
        for (String step : List.of("auth.provider_sign_in", "identity.connect", "identity.disconnect", "alice", "bob")) {
            assertTrue(audit.contains(step), step + " is not on the audit page:\n" + audit);
        }
        assertTrue(audit.contains("email_in_use") || audit.contains("EMAIL_IN_USE")
                || audit.toLowerCase().contains("already uses"), "the stranger's refusal is audited:\n" + audit);
        root.context().close();
        assertEquals(List.of(), chromium.errors.stream().filter(e -> !e.contains("Failed to load resource")).toList());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
