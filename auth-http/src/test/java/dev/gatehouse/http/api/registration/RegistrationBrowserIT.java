package dev.gatehouse.http.api.registration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.http.pages.BrowserIT;
import dev.gatehouse.http.testing.Chromium;
import dev.gatehouse.http.testing.ChromiumTests;
import dev.gatehouse.http.testing.RunningServer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Registration in a real browser: a visitor registers and waits, an administrator approves or
 * rejects; an invite link made on the invites page registers its one person once. Screenshots
 * land in target/screenshots.
 */
class RegistrationBrowserIT extends ChromiumTests {

    static final String ADMIN = "amber-kettle-river-9";
    static final String DORA = "plum-tulip-ferry-42";
    static final String EVE = "copper-lantern-moss-7";
    static final String FRANK = "quiet-harbour-violet-3";

    private static RunningServer server(RegistrationMode mode) throws Exception {
        RunningServer app = new RunningServer(s -> s.withRegistration(new RegistrationRules(mode, Optional.empty())));
        app.addAdmin("root", ADMIN);
        return app;
    }

    @Test
    void aVisitorRegistersWaitsForApprovalAndSignsInOnceAnAdministratorApproves() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = server(RegistrationMode.APPROVAL)) {
            String origin = app.origin();
            Page dora = chromium.open();
            dora.navigate(origin + "/login");
            dora.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register")).click();
            dora.waitForURL(origin + "/register");
            assertThat(dora.locator("[data-mode]")).containsText("an administrator approves it");
            fillRegistration(dora, "dora", "dora@example.org", DORA);
            Chromium.screenshot(dora, "register-01-approval-form");
            dora.click("button[type=submit]");
            dora.waitForURL(origin + "/waiting");
            assertThat(dora.locator("h1")).hasText("Waiting for approval");
            Chromium.screenshot(dora, "register-02-waiting");

            dora.navigate(origin + "/login");
            BrowserIT.signIn(dora, "dora", DORA);
            dora.waitForURL(origin + "/waiting");
            assertEquals(401, dora.context().request().get(origin + "/api/me").status(), "a pending account has no session");

            Page eve = chromium.open();
            eve.navigate(origin + "/register");
            fillRegistration(eve, "eve", "", EVE);
            eve.click("button[type=submit]");
            eve.waitForURL(origin + "/waiting");

            Page root = chromium.open();
            signInTo(root, origin, "/admin", "root", ADMIN);
            root.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pending Approval")).click();
            root.waitForURL(origin + "/admin/pending");
            assertThat(root.locator("tr[data-user]")).hasCount(2);
            assertThat(root.locator("tr[data-user=dora]")).containsText("dora@example.org");
            Chromium.screenshot(root, "register-03-pending");
            root.locator("tr[data-user=dora]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
            assertThat(root.locator("#toast")).containsText("Approved dora.");
            assertThat(root.locator("tr[data-user]")).hasCount(1);

            root.locator("tr[data-user=eve]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject")).click();
            assertThat(root.locator("#reject-dialog")).containsText("Reject eve?");
            Chromium.screenshot(root, "register-04-reject");
            root.click("#reject-dialog button[type=submit]");
            assertThat(root.locator("#toast")).containsText("Rejected eve");
            assertThat(root.locator(".empty")).containsText("Nobody is waiting");
            Chromium.screenshot(root, "register-05-pending-empty");

            root.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage Users")).click();
            root.waitForURL(origin + "/admin");
            assertThat(root.locator("tr[data-user=dora] .user-email")).hasText("dora@example.org");
            assertThat(root.locator("tr[data-user=root] .user-email")).hasCount(0);
            Chromium.screenshot(root, "register-06-users-with-email");

            signInTo(dora, origin, "/account", "dora", DORA);
            assertEquals(200, dora.context().request().get(origin + "/api/me").status());

            eve.navigate(origin + "/login");
            BrowserIT.signIn(eve, "eve", EVE);
            assertThat(eve.locator(".form-error")).containsText("username or password");
            assertEquals(origin + "/login", eve.url());
            assertEquals(List.of(), faults());
        }
    }

    @Test
    void anInviteLinkForOneAddressRegistersThatPersonOnce() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = server(RegistrationMode.INVITE)) {
            String origin = app.origin();
            Page root = chromium.open();
            signInTo(root, origin, "/admin/invites", "root", ADMIN);
            assertThat(root.locator(".empty")).containsText("No invites yet");
            root.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create Invite").setExact(true)).click();
            root.fill("#invite-email", "frank@example.org");
            assertThat(root.locator("#invite-uses")).hasValue("1");
            Chromium.screenshot(root, "invites-01-create");
            root.click("#invite-dialog button[type=submit]");
            assertThat(root.locator("#new-key")).hasValue(Pattern.compile("^http://127\\.0\\.0\\.1:\\d+/register\\?invite=inv_\\w+$"));
            assertThat(root.locator("#key-dialog")).containsText("you will not see it again");
            Chromium.screenshot(root, "invites-02-copy-once");
            root.click("#key-dialog [data-copy]");
            assertThat(root.locator("#toast")).containsText("Copied");
            String link = root.locator("#new-key").inputValue();
            root.click("#key-dialog [data-close]");
            assertThat(root.locator("tr[data-invite]")).hasCount(1);
            assertThat(root.locator("tr[data-invite]")).containsText("frank@example.org");
            assertTrue(!root.content().contains(link.substring(link.indexOf("inv_"))), "the code is not on the page any more");

            Page frank = chromium.open();
            frank.navigate(link);
            assertThat(frank.locator("#invite")).hasValue(link.substring(link.indexOf("inv_")));
            fillRegistration(frank, "frank", "someone.else@example.org", FRANK);
            frank.click("button[type=submit]");
            assertThat(frank.locator(".form-error")).containsText("This invite is for another email address");
            Chromium.screenshot(frank, "invites-03-wrong-email");
            frank.fill("#email", "Frank@Example.org");
            frank.click("button[type=submit]");
            frank.waitForURL(origin + "/account");
            assertEquals(200, frank.context().request().get(origin + "/api/me").status());

            root.reload();
            Locator row = root.locator("tr[data-invite]");
            assertThat(row.locator(".status")).hasText("Used");
            assertThat(row.locator("[data-used-by]")).containsText("1 of 1");
            assertThat(row.locator("[data-used-by]")).containsText("frank");
            assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))).hasCount(0);
            Chromium.screenshot(root, "invites-04-used");

            Page late = chromium.open();
            late.navigate(link);
            fillRegistration(late, "gina", "frank@example.org", "velvet-orchard-lamp-5");
            late.click("button[type=submit]");
            assertThat(late.locator(".form-error")).containsText("That invite has been used already");
            assertEquals(origin + "/register?invite=" + link.substring(link.indexOf("inv_")), late.url());
            Chromium.screenshot(late, "invites-05-used-up");

            root.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create Invite").setExact(true)).click();
            root.click("#invite-dialog button[type=submit]");
            assertThat(root.locator("#new-key")).hasValue(Pattern.compile(".*/register\\?invite=inv_\\w+$"));
            String second = root.locator("#new-key").inputValue();
            root.click("#key-dialog [data-close]");
            Locator fresh = root.locator("tr[data-invite]").filter(new Locator.FilterOptions().setHasText("Active"));
            fresh.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
            assertThat(root.locator("#revoke-dialog")).containsText("Its link stops working at once");
            root.click("#revoke-dialog [data-close]");
            assertThat(fresh.locator(".status")).hasText("Active");
            fresh.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
            Chromium.screenshot(root, "invites-06-revoke");
            root.click("#revoke-dialog button[type=submit]");
            assertThat(root.locator("#toast")).containsText("Revoked the invite.");
            assertThat(root.locator("tr[data-invite] .status")).containsText(new String[] {"Revoked", "Used"});
            late.navigate(second);
            fillRegistration(late, "gina", "", "velvet-orchard-lamp-5");
            late.click("button[type=submit]");
            assertThat(late.locator(".form-error")).containsText("That invite was withdrawn");
            assertEquals(List.of(), faults());
        }
    }

    @Test
    void theRegisterPageSaysWhyAShortOrCommonPasswordIsRefusedAndFitsAPhone() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = server(RegistrationMode.OPEN)) {
            String origin = app.origin();
            Page page = chromium.open();
            page.navigate(origin + "/register");
            assertThat(page.locator("#password-rule")).containsText("At least 15 characters");
            fillRegistration(page, "hana", "", "short words 1");
            page.click("button[type=submit]");
            assertThat(page.locator(".form-error")).containsText("13 characters long; use at least 15");
            fillRegistration(page, "hana", "", "1qaz2wsx3edc4rfv");
            page.click("button[type=submit]");
            assertThat(page.locator(".form-error")).containsText("one of the most common passwords");
            Chromium.screenshot(page, "register-07-common-password");
            assertEquals(origin + "/register", page.url());

            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                String suffix = scheme == ColorScheme.DARK ? "-dark" : "";
                Page phone = chromium.open(390, 844, scheme);
                phone.navigate(origin + "/register");
                assertFitsPhone(phone, "/register");
                Chromium.screenshot(phone, "register-phone" + suffix);
                signInTo(phone, origin, "/admin/invites", "root", ADMIN);
                if (scheme == ColorScheme.LIGHT) {
                    app.json("POST", "/api/admin/invites", "{\"email\":\"ida@example.org\",\"uses\":3}",
                            app.signIn("root", ADMIN));
                    app.json("POST", "/api/admin/invites", "{}", app.signIn("root", ADMIN));
                    phone.reload();
                }
                assertThat(phone.locator("tr[data-invite]")).hasCount(2);
                assertFitsPhone(phone, "/admin/invites");
                Chromium.screenshot(phone, "invites-phone" + suffix);
            }
            assertEquals(List.of(), faults());
        }
    }

    private static void fillRegistration(Page page, String username, String email, String password) {
        page.fill("#username", username);
        page.fill("#email", email);
        page.fill("#password", password);
        page.fill("#confirm", password);
    }

    private static void assertFitsPhone(Page phone, String path) {
        int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertTrue(width <= 390, path + " must not scroll sideways on a phone; it is " + width + " px wide");
    }
}
