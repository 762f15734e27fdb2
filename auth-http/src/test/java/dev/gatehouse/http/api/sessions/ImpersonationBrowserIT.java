package dev.gatehouse.http.api.sessions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.gatehouse.http.testing.Chromium;
import dev.gatehouse.http.testing.ChromiumTests;
import dev.gatehouse.http.testing.RunningServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An administrator acts as alice in a real browser, sees the banner, cannot make her a key, stops,
 * and reads both ends back on the audit page, narrowed by its filters. Screenshots in target/screenshots.
 */
class ImpersonationBrowserIT extends ChromiumTests {

    static final String ADMIN = "plum-tulip-ferry-42";
    static final String ALICE = "amber-kettle-river-9";

    @Test
    void anAdministratorImpersonatesAliceStopsAndFindsItInTheAuditLog() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = new RunningServer()) {
            app.addAdmin("admin", ADMIN);
            app.addUser("alice", ALICE);
            String origin = app.origin();
            Page admin = chromium.open();
            signInTo(admin, origin, "/admin", "admin", ADMIN);

            admin.click("[aria-label='Impersonate alice']");
            admin.waitForURL(origin + "/account");
            assertThat(admin.locator("[data-impersonation]")).containsText("You are acting as alice (impersonated by admin)");
            assertThat(admin.locator("[data-impersonation]")).containsText("min left");
            assertThat(admin.locator(".menu-name")).hasText("alice");
            assertThat(admin.locator("[data-dialog=password-dialog]")).hasCount(0);
            Chromium.screenshot(admin, "impersonation-01-account");

            admin.navigate(origin + "/tokens");
            assertThat(admin.locator("[data-impersonation]")).isVisible();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API Key").setExact(true)).click();
            admin.fill("#token-name", "sneaky");
            admin.click("#create-dialog button[type=submit]");
            assertThat(admin.locator("#create-dialog")).containsText("stop impersonating first");
            Chromium.screenshot(admin, "impersonation-02-no-keys");
            admin.click("#create-dialog [data-close]");

            admin.locator("[data-impersonation] [data-stop-impersonating]").click();
            admin.waitForURL(origin + "/admin");
            assertThat(admin.locator("h1")).hasText("Manage Users");
            assertThat(admin.locator(".menu-name")).hasText("admin");
            assertThat(admin.locator("[data-impersonation]")).hasCount(0);

            admin.click("summary");
            admin.locator(".menu-panel").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Audit")).click();
            admin.waitForURL(origin + "/admin/audit");
            assertThat(admin.locator("tr[data-action='impersonation.start']")).containsText("admin");
            assertThat(admin.locator("tr[data-action='impersonation.start']")).containsText("alice");
            assertThat(admin.locator("tr[data-action='impersonation.stop']")).hasCount(1);
            assertThat(admin.locator("tr[data-action='api_key.mint']")).containsText("alice (impersonated by admin)");
            Chromium.screenshot(admin, "impersonation-03-audit");

            admin.fill("#audit-user", "admin");
            admin.selectOption("#audit-action", "impersonation.");
            admin.click(".audit-filters button[type=submit]");
            admin.waitForURL(url -> url.contains("action=impersonation."));
            assertThat(admin.locator("tbody tr")).hasCount(2);
            admin.selectOption("#audit-outcome", "refused");
            admin.click(".audit-filters button[type=submit]");
            admin.waitForURL(url -> url.contains("outcome=refused"));
            assertThat(admin.locator(".empty")).containsText("No events match");
            assertThat(admin.locator("a[download]")).hasAttribute("href",
                    "/api/admin/audit?user=admin&action=impersonation.&outcome=refused&limit=100000&format=jsonl");

            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                Page phone = chromium.open(390, 844, scheme);
                signInTo(phone, origin, "/admin/audit", "admin", ADMIN);
                int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
                assertTrue(width <= 390, "the audit table must not scroll sideways on a phone; it is " + width + " px wide");
                Chromium.screenshot(phone, "audit-phone" + (scheme == ColorScheme.DARK ? "-dark" : ""));
            }
            assertEquals(List.of(), faults());
        }
    }
}
