package dev.gatehouse.http.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;
import dev.gatehouse.http.GatehouseServer;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.testing.Chromium;
import dev.gatehouse.http.testing.ChromiumTests;
import dev.gatehouse.http.testing.RunningServer;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The web UI in a real browser against a real server on a fresh SQLite store: the whole story
 * of the issue, from the setup link to signing out. Screenshots land in target/screenshots.
 */
public class BrowserIT extends ChromiumTests {

    static final String ADMIN_PASSWORD = "admin horse battery staple";
    static final String BOB_FIRST = "bob's first password";
    static final String BOB_SECOND = "bob's second password";
    static final String BOB_THIRD = "bob's very own password";

    @Test
    void anAdministratorSetsUpGatehouseManagesBobAndBobLooksAfterHimself() throws Exception {
        chromium.errors.clear();
        Path file = Files.createTempDirectory("gatehouse-ui-").resolve("gatehouse.db");
        EmbeddedServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0, "sqlite:" + file, List.of()));
        try {
            String origin = "http://127.0.0.1:" + server.getPort();
            Page admin = chromium.open();

            admin.navigate(GatehouseServer.setupUrl(server).orElseThrow());
            assertThat(admin.locator("#code")).not().hasValue("");
            assertFalse(admin.url().contains("code="), "the page drops the code from the address bar");
            assertThat(admin.locator("#username")).hasValue("admin");
            admin.fill("#password", ADMIN_PASSWORD);
            admin.fill("#confirm", ADMIN_PASSWORD);
            Chromium.screenshot(admin, "01-setup");
            admin.click("button[type=submit]");
            admin.waitForURL(origin + "/admin");

            signOut(admin, origin);
            admin.navigate(origin + "/admin");
            admin.waitForURL(origin + "/login?next=%2Fadmin");
            Chromium.screenshot(admin, "02-login");
            signIn(admin, "admin", ADMIN_PASSWORD);
            admin.waitForURL(origin + "/admin");

            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create User").setExact(true)).click();
            admin.fill("#create-username", "bob");
            admin.fill("#create-password", BOB_FIRST);
            Chromium.screenshot(admin, "03-admin-create-user");
            admin.click("#create-dialog button[type=submit]");
            assertThat(admin.locator("tr[data-user=bob]")).containsText("User");

            admin.click("[aria-label='Lock bob']");
            assertThat(admin.locator("#lock-dialog")).containsText("Lock bob?");
            admin.fill("#lock-reason", "On vacation");
            Chromium.screenshot(admin, "04-admin-lock-user");
            admin.click("#lock-dialog button[type=submit]");
            assertThat(admin.locator("tr[data-user=bob] .status-locked")).isVisible();
            assertThat(admin.locator("tr[data-user=bob]")).containsText("On vacation");
            Chromium.screenshot(admin, "05-admin-bob-locked");

            Page bob = chromium.open();
            bob.navigate(origin + "/login");
            signIn(bob, "bob", BOB_FIRST);
            assertThat(bob.locator(".form-error")).containsText("On vacation");
            Chromium.screenshot(bob, "06-login-locked");

            admin.click("[aria-label='Unlock bob']");
            assertThat(admin.locator("tr[data-user=bob] .status-active")).isVisible();
            bob.click("button[type=submit]");
            bob.waitForURL(origin + "/account");

            admin.click("[aria-label='Change password of bob']");
            admin.fill("#admin-new-password", BOB_SECOND);
            admin.fill("#admin-confirm-password", BOB_SECOND);
            Chromium.screenshot(admin, "07-admin-change-password");
            admin.click("#password-dialog button[type=submit]");
            assertThat(admin.locator("#toast")).containsText("Changed the password of bob");

            bob.navigate(origin + "/login");
            signIn(bob, "bob", BOB_FIRST);
            assertThat(bob.locator(".form-error")).containsText("Invalid username or password");
            signIn(bob, "bob", BOB_SECOND);
            bob.waitForURL(origin + "/account");

            bob.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password").setExact(true)).click();
            bob.fill("#current-password", BOB_SECOND);
            bob.fill("#new-password", BOB_THIRD);
            bob.fill("#confirm-password", BOB_THIRD);
            Chromium.screenshot(bob, "08-account-change-password");
            bob.click("#password-dialog button[type=submit]");
            assertThat(bob.locator("#toast")).containsText("Your password is changed");
            signOut(bob, origin);
            signIn(bob, "bob", BOB_THIRD);
            bob.waitForURL(origin + "/account");

            bob.setInputFiles("[data-avatar-file]", new FilePayload("avatar.png", "image/png", Chromium.avatarPng()));
            bob.waitForFunction("() => { const img = document.querySelector('summary img[data-my-avatar]');"
                    + " return img.complete && img.naturalWidth > 0 && /[?&]v=/.test(img.getAttribute('src')); }");
            assertPng(bob, origin + bob.locator("summary img[data-my-avatar]").getAttribute("src"));
            bob.reload();
            assertPng(bob, origin + bob.locator("summary img[data-my-avatar]").getAttribute("src"));
            bob.click("summary");
            Chromium.screenshot(bob, "09-account-with-avatar-and-menu");

            signOut(bob, origin);
            Chromium.screenshot(bob, "10-signed-out");
            admin.reload();
            Chromium.screenshot(admin, "11-admin");
            admin.navigate(origin + "/setup");
            assertThat(admin.locator("h1")).hasText("Setup is complete");
            Chromium.screenshot(admin, "12-setup-complete");
            // Refused sign-ins log "Failed to load resource: 401/403"; anything else is a fault.
            assertEquals(List.of(), faults());
        } finally {
            server.getApplicationContext().close();
        }
    }

    @Test
    void everyPageLoadsWithoutConsoleErrorsInLightAndDarkAndTheAdminPageFitsAPhone() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = new RunningServer()) {
            app.addUser("admin", ADMIN_PASSWORD);
            app.addUser("carol", "carol horse battery");
            app.lock("carol", "Laptop stolen; new one on Monday");
            String origin = app.origin();
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                String suffix = scheme == ColorScheme.DARK ? "-dark" : "";
                Page page = chromium.open(1280, 860, scheme);
                page.navigate(origin + "/login");
                Chromium.screenshot(page, "login" + suffix);
                signIn(page, "admin", ADMIN_PASSWORD);
                page.waitForURL(origin + "/account");
                Chromium.screenshot(page, "account" + suffix);
                page.navigate(origin + "/admin");
                Chromium.screenshot(page, "admin" + suffix);
                page.navigate(origin + "/setup");
                Chromium.screenshot(page, "setup-complete" + suffix);
            }
            Page phone = chromium.open(390, 844, ColorScheme.LIGHT);
            phone.navigate(origin + "/login");
            signIn(phone, "admin", ADMIN_PASSWORD);
            phone.waitForURL(origin + "/account");
            phone.navigate(origin + "/admin");
            int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertTrue(width <= 390, "the users table must not scroll sideways on a phone; it is " + width + " px wide");
            Chromium.screenshot(phone, "admin-phone");
            assertEquals(List.of(), chromium.errors, "CSP violations and script errors show in the console");
        }
    }

    @Test
    void carolEndsHerOtherSessionTheAdministratorDeletesHerAndGuessingIsHeldOff() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = new RunningServer()) {
            app.addAdmin("admin", ADMIN_PASSWORD);
            app.addUser("carol", "carol horse battery");
            String origin = app.origin();
            Page laptop = chromium.open();
            Page phone = chromium.open();
            for (Page page : List.of(laptop, phone)) {
                page.navigate(origin + "/login");
                signIn(page, "carol", "carol horse battery");
                page.waitForURL(origin + "/account");
            }
            laptop.reload();
            assertThat(laptop.locator("table.sessions tbody tr")).hasCount(2);
            Chromium.screenshot(laptop, "13-account-two-sessions");
            laptop.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End all other sessions")).click();
            assertThat(laptop.locator("#toast")).containsText("Signed out of your other sessions");
            laptop.reload();
            assertThat(laptop.locator("table.sessions tbody tr")).hasCount(1);
            phone.navigate(origin + "/account");
            phone.waitForURL(origin + "/login?next=%2Faccount");

            Page admin = chromium.open();
            admin.navigate(origin + "/login?next=/admin");
            signIn(admin, "admin", ADMIN_PASSWORD);
            admin.waitForURL(origin + "/admin");
            assertThat(admin.locator("[aria-label='Delete admin']")).hasCount(0);
            admin.click("[aria-label='Delete carol']");
            assertThat(admin.locator("#delete-dialog")).containsText("Delete carol?");
            Chromium.screenshot(admin, "14-admin-delete-user");
            admin.click("#delete-dialog button[type=submit]");
            assertThat(admin.locator("tr[data-user=carol]")).hasCount(0);
            laptop.navigate(origin + "/account");
            laptop.waitForURL(origin + "/login?next=%2Faccount");

            for (int i = 0; i < 6; i++) {
                signIn(laptop, "admin", "not the password " + i);
                assertThat(laptop.locator(".form-error")).isVisible();
                laptop.waitForFunction("() => !document.querySelector('button[type=submit]').disabled"
                        + " || /Wait|try again/i.test(document.querySelector('.form-error').textContent)");
            }
            assertThat(laptop.locator(".form-error")).containsText("Wait");
            assertThat(laptop.locator("button[type=submit]")).isDisabled();
            Chromium.screenshot(laptop, "15-login-throttled");
            assertEquals(List.of(), faults());
        }
    }

    public static void signIn(Page page, String username, String password) {
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
    }

    static void signOut(Page page, String origin) {
        if (page.locator("details.menu[open]").count() == 0) {
            page.click("summary");
        }
        page.locator(".menu-panel").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Sign Out")).click();
        page.waitForURL(origin + "/login");
    }

    static void assertPng(Page page, String url) {
        APIResponse image = page.context().request().get(url);
        assertEquals(200, image.status(), url);
        assertEquals("image/png", image.headers().get("content-type"), url);
        assertTrue((Boolean) page.evaluate("() => document.querySelector('summary img[data-my-avatar]').naturalWidth > 0"));
    }
}
