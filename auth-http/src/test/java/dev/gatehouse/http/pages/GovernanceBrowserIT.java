package dev.gatehouse.http.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.http.testing.Chromium;
import dev.gatehouse.http.testing.ChromiumTests;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's story behind the pages: alice registers and waits, the administrator approves her,
 * gives her chat and llama-* only, she makes a key for llama-3 that the proxy check refuses for
 * mistral, the administrator impersonates her and stops, and the audit page shows it all.
 * Screenshots in target/screenshots.
 */
class GovernanceBrowserIT extends ChromiumTests {

    static final String ALICE = "plum-tulip-ferry-42";
    static final String ROOT = "amber-kettle-river-9";

    @Test
    void anOperatorApprovesAliceNarrowsHerRightsWatchesHerKeyRefusedImpersonatesHerAndReadsTheLog() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = new RunningServer(s -> s.withRegistration(
                new RegistrationRules(RegistrationMode.APPROVAL, Optional.empty())))) {
            app.addAdmin("root", ROOT);
            String origin = app.origin();

            Page alice = chromium.open();
            alice.navigate(origin + "/register");
            alice.fill("#username", "alice");
            alice.fill("#email", "alice@example.org");
            alice.fill("#password", ALICE);
            alice.fill("#confirm", ALICE);
            alice.click("button[type=submit]");
            alice.waitForURL(origin + "/waiting");
            Chromium.screenshot(alice, "story-01-waiting");

            Page root = chromium.open();
            root.navigate(origin + "/login?next=/admin/pending");
            BrowserIT.signIn(root, "root", ROOT);
            root.waitForURL(origin + "/admin/pending");
            root.locator("tr[data-user=alice]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve"))
                    .click();
            assertThat(root.locator("#toast")).containsText("Approved alice.");
            Chromium.screenshot(root, "story-02-approved");

            root.navigate(origin + "/admin/users/alice");
            for (String feature : FeatureCatalog.localAi().names()) {
                root.selectOption("#feature-" + feature, feature.equals("chat") ? "on" : "off");
            }
            root.fill("#models", "llama-*");
            root.click("[data-permissions-form] button[type=submit]");
            assertThat(root.locator("#toast")).containsText("Saved the permissions of alice.");
            Chromium.screenshot(root, "story-03-permissions");

            alice.navigate(origin + "/login?next=/tokens");
            BrowserIT.signIn(alice, "alice", ALICE);
            alice.waitForURL(origin + "/tokens");
            alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API Key").setExact(true)).click();
            alice.fill("#token-name", "llama only");
            alice.fill("#token-scopes", "models:llama-3");
            Chromium.screenshot(alice, "story-04-scoped-key");
            alice.click("#create-dialog button[type=submit]");
            assertThat(alice.locator("#key-dialog")).isVisible();
            String key = alice.locator("#new-key").inputValue();
            alice.click("#key-dialog [data-close]");
            assertThat(alice.locator("tr [data-scopes]")).hasText("Only models:llama-3");
            Chromium.screenshot(alice, "story-05-key-listed");

            assertEquals(200, verify(app, key, "llama-3").statusCode());
            HttpResponse<String> refused = verify(app, key, "mistral");
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("'mistral'"), refused.body());
            assertEquals(403, verify(app, key, "llama-3.1").statusCode(), "the key is narrower than alice");

            root.navigate(origin + "/admin");
            root.click("[aria-label='Impersonate alice']");
            root.waitForURL(origin + "/account");
            assertThat(root.locator("[data-impersonation]")).containsText("You are acting as alice (impersonated by root)");
            assertThat(root.locator("[data-my-permissions] [data-features] .badge")).hasText(new String[] {"chat"});
            assertThat(root.locator("[data-my-permissions] [data-models]")).hasText("llama-*");
            Chromium.screenshot(root, "story-06-impersonating");
            root.locator("[data-impersonation] [data-stop-impersonating]").click();
            root.waitForURL(origin + "/admin");
            assertThat(root.locator("[data-impersonation]")).hasCount(0);

            root.navigate(origin + "/admin/audit?user=alice");
            for (String action : List.of("user.register", "user.approve", "user.permissions", "api_key.mint",
                    "impersonation.start", "impersonation.stop")) {
                assertThat(root.locator("tr[data-action='" + action + "']").first()).isVisible();
            }
            assertThat(root.locator("tr[data-action='impersonation.start']")).containsText("root");
            Chromium.screenshot(root, "story-07-audit");
            assertEquals(List.of(), faults());
        }
    }

    private static HttpResponse<String> verify(RunningServer app, String key, String model) {
        return app.send(app.get("/auth/verify").header("Authorization", "Bearer " + key)
                .header("X-Forwarded-Uri", "/v1/models").header("X-Gatehouse-Model", model).build());
    }
}
