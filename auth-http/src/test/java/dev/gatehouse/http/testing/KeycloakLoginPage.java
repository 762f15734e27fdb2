package dev.gatehouse.http.testing;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Keycloak's own sign-in page (its default keycloak.v2 theme) in a Playwright page, filled in
 * the way a person does: user name, password, "Sign In".
 */
public final class KeycloakLoginPage {

    private final Page page;

    /** The page that is at (or on its way to) Keycloak's sign-in form. */
    public KeycloakLoginPage(Page page) {
        this.page = page;
    }

    /** Waits for the form, fills in {@code username} and {@code password} and submits it. */
    public void signIn(String username, String password) {
        form().waitFor();
        page.fill("#kc-form-login #username", username);
        page.fill("#kc-form-login #password", password);
        page.click("#kc-form-login #kc-login");
    }

    /** As {@link #signIn(String, String)}, with a user of the test realm. */
    public void signIn(RealKeycloak.User user) {
        signIn(user.username(), user.password());
    }

    /** Keycloak's sign-in form; visible while Keycloak still wants a user name and password. */
    public Locator form() {
        return page.locator("#kc-form-login");
    }

    /** The message Keycloak shows under the fields after a refused sign-in ("Invalid username or password."). */
    public Locator error() {
        return page.locator("#input-error-username");
    }
}
