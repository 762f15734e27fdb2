package dev.gatehouse.http.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.SessionCookie;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.http.config.SignInOptions;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the pages say about provider sign-in, over real HTTP: the message for each way a round
 * trip can fail (and nothing of the query echoed), the sign-in methods on My Account and on an
 * administrator's page of a user, and identities on Manage Users.
 */
class SignInPagesTest {

    static RunningServer app;
    /** Password sign-in off, two providers (one named "Corp SSO") whose issuer does not answer: the buttons still show. */
    static RunningServer providersOnly;
    static String admin;
    static String bob;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addUser("admin", "correct horse battery");
        app.addUser("bob", "correct horse battery");
        Instant now = Instant.now();
        // carol has no password: her Keycloak identity is her only way in.
        app.cli.users().insert(new User(Username.of("carol"), Optional.empty(), EnumSet.of(Role.USER), UserStatus.ACTIVE,
                now, Optional.empty()));
        link("keycloak", "kc-bob", "bob", "bob<img src=x onerror=alert(1)>", now);
        link("github", "583231", "bob", "octocat", now);
        link("keycloak", "kc-carol", "carol", "carol", now);
        admin = RunningServer.token(app.login("admin", "correct horse battery"));
        bob = RunningServer.token(app.login("bob", "correct horse battery"));

        Map<String, String> env = new java.util.HashMap<>();
        env.put("GATEHOUSE_OIDC_PROVIDERS", "corp,keycloak");
        for (String name : List.of("CORP", "KEYCLOAK")) {
            env.put("GATEHOUSE_OIDC_" + name + "_ISSUER", "http://127.0.0.1:1/realms/" + name.toLowerCase());
            env.put("GATEHOUSE_OIDC_" + name + "_CLIENT_ID", "gatehouse");
            env.put("GATEHOUSE_OIDC_" + name + "_CLIENT_SECRET", "not-a-secret");
        }
        env.put("GATEHOUSE_OIDC_CORP_DISPLAY_NAME", "Corp SSO");
        providersOnly = new RunningServer(s -> s.withRegistration(new RegistrationRules(RegistrationMode.OPEN, Optional.empty()))
                .withSignIn(SignInOptions.DEFAULTS.withBaseUrl(Optional.of(URI.create("http://127.0.0.1:8000")))
                        .withPasswordLogin(false).withProviderEnvironment(env)));
        providersOnly.addAdmin("root", "correct horse battery");
    }

    private static void link(String provider, String subject, String user, String login, Instant now) {
        app.cli.identities().insert(new IdentityLink(ProviderName.of(provider), subject, Username.of(user), login,
                Optional.of(user + "@corp.example"), now, Optional.empty()));
    }

    @AfterAll
    static void stop() {
        app.close();
        providersOnly.close();
    }

    static HttpResponse<String> page(String path, String token) {
        var request = app.get(path).header("Accept", "text/html");
        if (token != null) {
            request.header("Cookie", SessionCookie.NAME + "=" + token);
        }
        return app.send(request.build());
    }

    @Test
    void aRefusedSignInIsExplainedOnTheLoginPageWithWhatToDo() {
        HttpResponse<String> login = page("/login?error=email_in_use&provider=keycloak", null);
        assertEquals(200, login.statusCode(), login.body());
        assertTrue(login.body().contains("An account already uses this email address. Sign in the way you did before,"
                + " then connect the provider from My Account."), login.body());
        assertTrue(page("/login?error=invite_expired", null).body().contains("That invite has expired."));
        assertTrue(page("/login?error=access_denied&provider=github", null).body().contains("You cancelled signing in"));
        assertFalse(page("/login", null).body().contains("data-sign-in-problem"), "no error, no message");
    }

    @Test
    void withPasswordLoginOffTheLoginPageOffersOnlyTheProvidersAsPlainLinksCarryingNext() {
        String html = providersOnly.send(providersOnly.get("/login?next=%2Fadmin%2Faudit").header("Accept", "text/html")
                .build()).body();
        assertTrue(html.contains("<a class=\"button wide\" href=\"/auth/corp?next=%2Fadmin%2Faudit\" data-provider=\"corp\">"
                + "Sign in with Corp SSO</a>"), html);
        assertTrue(html.indexOf("Sign in with Corp SSO") < html.indexOf("data-provider=\"keycloak\""), "the operator's order");
        assertFalse(html.contains("id=\"password\""), "no password form");
        assertTrue(html.contains("Signing in with a password is turned off here"), html);
        String refused = providersOnly.send(providersOnly.get("/login?error=email_in_use&provider=corp")
                .header("Accept", "text/html").build()).body();
        assertTrue(refused.contains("then connect Corp SSO from My Account."), refused);
    }

    @Test
    void theRegisterPageCarriesTheInviteThroughTheProviderButtonsAndRefusesAnyOtherText() {
        String html = providersOnly.send(providersOnly.get("/register?invite=abc_123").header("Accept", "text/html").build()).body();
        assertTrue(html.contains("href=\"/auth/corp?next=%2Faccount&amp;invite=abc_123\""), html);
        assertFalse(html.contains("id=\"confirm\""), "no password to choose when password sign-in is off");
        String hostile = providersOnly.send(providersOnly.get("/register?invite=%22%3E%3Cscript%3E")
                .header("Accept", "text/html").build()).body();
        assertFalse(hostile.contains("invite=%22") || hostile.contains("<script>"), hostile);
    }

    @Test
    void theLoginPageNeverRepeatsWhatTheQuerySays() {
        String html = page("/login?error=%3Cscript%3Ealert(1)%3C/script%3E&provider=%3Cb%3Eevil", null).body();
        assertTrue(html.contains("Signing in through the provider did not work."), html);
        assertFalse(html.contains("alert(1)"), "an unknown code is not shown, escaped or not");
        assertFalse(html.contains("evil"), "a provider that is not configured is not named");
        String lying = page("/login?error=email_in_use&provider=Call%20+1-555-0100", null).body();
        assertFalse(lying.contains("555"), lying);
    }

    @Test
    void myAccountListsThePasswordAndEachIdentityWithDisconnect() {
        String html = page("/account", bob).body();
        assertTrue(html.contains("Sign-in methods"), html);
        assertTrue(html.contains("data-method=\"password\""), html);
        assertTrue(html.contains("data-identity=\"github:octocat\""), html);
        assertTrue(html.contains("data-url=\"/api/me/identities/github/{id}\" data-id=\"583231\""), html);
        assertTrue(html.contains("data-url=\"/api/me/identities/keycloak/{id}\" data-id=\"kc-bob\""), html);
        assertTrue(html.contains("bob@corp.example"), html);
        assertFalse(html.contains("<img src=x"), "a login from a provider never becomes markup");
        assertTrue(html.contains("bob&lt;img src=x"), html);
    }

    @Test
    void theLastWayIntoAnAccountHasNoDisconnectAndSaysWhy() {
        String html = page("/admin/users/carol", admin).body();
        assertTrue(html.contains("data-identity=\"keycloak:carol\""), html);
        assertFalse(html.contains("/api/admin/users/{user}/identities/keycloak/{id}\" data-user=\"carol\""),
                "carol's only identity cannot be disconnected");
        assertTrue(html.contains("This is the only way into the account"), html);
        assertTrue(html.contains("No password: signs in through the providers below"), html);
    }

    @Test
    void anAdministratorSeesEachUsersIdentitiesAndMayDisconnectThem() {
        String list = page("/admin", admin).body();
        assertTrue(list.contains("data-identities"), list);
        assertTrue(list.contains("github:octocat, keycloak:bob&lt;img"), list);
        String user = page("/admin/users/bob", admin).body();
        assertTrue(user.contains("data-url=\"/api/admin/users/{user}/identities/github/{id}\"\n"), user);
        assertTrue(user.contains("data-user=\"bob\" data-id=\"583231\""), user);
    }
}
