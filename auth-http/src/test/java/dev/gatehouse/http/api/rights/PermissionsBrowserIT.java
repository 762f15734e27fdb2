package dev.gatehouse.http.api.rights;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.http.testing.Chromium;
import dev.gatehouse.http.testing.ChromiumTests;
import dev.gatehouse.http.testing.RunningServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A user's permissions in a real browser: an administrator gives alice chat only and the models
 * llama-* on /admin/users/alice, and alice sees exactly that on /account.
 */
class PermissionsBrowserIT extends ChromiumTests {

    static final String ALICE = "plum-tulip-ferry-42";
    static final String ADMIN = "amber-kettle-river-9";

    @Test
    void anAdministratorGivesAliceChatAndLlamaModelsOnlyAndSheSeesItOnHerAccount() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = new RunningServer()) {
            app.addAdmin("admin", ADMIN);
            app.addUser("alice", ALICE);
            String origin = app.origin();
            Page admin = chromium.open();
            signInTo(admin, origin, "/admin", "admin", ADMIN);
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("alice").setExact(true)).click();
            admin.waitForURL(origin + "/admin/users/alice");
            assertThat(admin.locator("h1")).hasText("alice");
            assertThat(admin.locator("#feature-agents option[selected]")).hasText("Default (off)");
            for (String feature : FeatureCatalog.localAi().names()) {
                admin.selectOption("#feature-" + feature, feature.equals("chat") ? "on" : "off");
            }
            admin.fill("#models", "llama-*");
            Chromium.screenshot(admin, "permissions-01-admin");
            admin.click("[data-permissions-form] button[type=submit]");
            assertThat(admin.locator("#toast")).containsText("Saved the permissions of alice.");
            assertThat(admin.locator("tr[data-feature=images] [data-now]")).hasText("off");
            assertThat(admin.locator("tr[data-feature=chat] [data-now]")).hasText("on");
            assertThat(admin.locator("#models")).hasValue("llama-*");
            assertEquals(Optional.of(List.of("llama-*")),
                    app.cli.permissions().find(Username.of("alice")).map(p -> p.models().patterns()));

            Page alice = chromium.open();
            signInTo(alice, origin, "/account", "alice", ALICE);
            assertThat(alice.locator("[data-my-permissions] [data-features] .badge")).hasText(new String[] {"chat"});
            assertThat(alice.locator("[data-my-permissions] [data-models]")).hasText("llama-*");
            Chromium.screenshot(alice, "permissions-02-account");
            assertEquals(List.of(), chromium.errors);
        }
    }

    @Test
    void anAdministratorPromotesAliceOnHerPageButCannotChangeTheirOwnRole() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = new RunningServer()) {
            app.addAdmin("admin", ADMIN);
            app.addUser("alice", ALICE);
            String origin = app.origin();
            Page admin = chromium.open();
            signInTo(admin, origin, "/admin/users/alice", "admin", ADMIN);
            assertThat(admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Impersonate"))).isVisible();
            assertThat(admin.locator("#role option[selected]")).hasText("User");
            admin.selectOption("#role", "admin");
            admin.click(".role-form button[type=submit]");
            assertThat(admin.locator("#toast")).containsText("Changed the role of alice.");
            assertThat(admin.locator("#role option[selected]")).containsText("Administrator");
            assertThat(admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Impersonate")))
                    .hasCount(0);
            assertEquals(true, app.cli.users().find(Username.of("alice")).orElseThrow().isAdmin());
            Chromium.screenshot(admin, "permissions-03-role");

            admin.navigate(origin + "/admin/users/admin");
            assertThat(admin.locator("#role")).isDisabled();
            assertThat(admin.locator("#role-note")).containsText("You cannot change your own role");
            assertThat(admin.locator(".role-form button[type=submit]")).hasCount(0);
            assertEquals(List.of(), chromium.errors);
        }
    }
}
