package dev.gatehouse.http.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.access.SecurityHeadersFilter;
import dev.gatehouse.http.testing.RunningServer;
import dev.gatehouse.http.web.SessionCookie;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web UI's pages and files over real HTTP: what they show, to whom, and how they are cached. */
class PagesTest {

    static RunningServer app;
    static String admin;
    static String bob;

    @BeforeAll
    static void start() throws Exception {
        app = new RunningServer();
        app.addUser("admin", "correct horse battery");
        app.addUser("bob", "correct horse battery");
        app.addUser("<i>eve", "correct horse battery");
        app.lock("<i>eve", "Said \"<script>alert(1)</script>\"");
        admin = RunningServer.token(app.login("admin", "correct horse battery"));
        bob = RunningServer.token(app.login("bob", "correct horse battery"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** Assets are public: no cookie. */
    static HttpResponse<String> asset(String path, String... headers) {
        var request = app.get(path);
        return app.send((headers.length == 0 ? request : request.headers(headers)).build());
    }

    static HttpResponse<String> page(String path, String token) {
        return app.send(app.get(path).header("Accept", "text/html").header("Cookie", SessionCookie.NAME + "=" + token).build());
    }

    @Test
    void theAdminPageListsEveryUserWithNamesAndReasonsEscaped() {
        HttpResponse<String> page = page("/admin", admin);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("&lt;i&gt;eve"), html);
        assertFalse(html.contains("<i>eve"), "a username must never become markup");
        assertFalse(html.contains("<script>alert"), "a lock reason must never become markup");
        assertTrue(html.contains("Locked"), html);
        assertTrue(html.contains("data-dialog=\"lock-dialog\" data-user=\"bob\""), "bob can be locked");
        assertFalse(html.contains("data-dialog=\"lock-dialog\" data-user=\"admin\""), "admins and oneself cannot be locked");
        assertFalse(html.contains("data-dialog=\"delete-dialog\" data-user=\"admin\""), "nobody deletes themselves");
        assertTrue(html.contains("/api/users/%3Ci%3Eeve/avatar"), "avatar URLs carry encoded names");
        assertTrue(html.contains("Manage Users"), html);
    }

    @Test
    void someoneWhoIsNotAnAdminIsToldManageUsersIsForAdministrators() {
        HttpResponse<String> page = page("/admin", bob);
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("Administrators only"), page.body());
        assertFalse(page("/account", bob).body().contains("href=\"/admin\""), "the menu offers Manage Users to admins only");
    }

    @Test
    void myAccountShowsMeAndMarksThisSession() {
        String html = page("/account", bob).body();
        assertTrue(html.contains("<h1>bob</h1>"), html);
        assertTrue(html.contains("This session"), html);
        assertTrue(html.contains("data-url=\"/api/me/sessions/{id}\""), html);
        assertTrue(html.contains("src=\"/api/users/bob/avatar\""), html);
    }

    @Test
    void theRootSendsASignedInPersonToMyAccount() {
        HttpResponse<String> root = page("/", bob);
        assertEquals(303, root.statusCode());
        assertEquals("/account", root.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aSignedInPersonOpeningLoginGoesToAnyNextPathEncodedAndNeverToAnotherSiteOrA500() {
        String[][] cases = {
                {"/a%20b", "/a%20b"},                                  // a space
                {"/caf%C3%A9/%E6%97%A5%E6%9C%AC", "/caf%C3%A9/%E6%97%A5%E6%9C%AC"}, // unicode
                {"/a%252Fb", "/a%2Fb"},                                // an encoded slash stays encoded
                {"/%2F%2Fevil.example", "/account"},                   // decoded, "//evil.example": another site
                {"/a%25zz", "/a%25zz"},                                // a '%' that starts no escape
                {"/a%22%3Cb%3E%7C%5E%60", "/a%22%3Cb%3E%7C%5E%60"},   // characters a URI may not hold
                {"/admin?after=bob%26x%3D1", "/admin?after=bob&x=1"},
                {"/a%0D%0ASet-Cookie:%20x=1", "/account"},             // CR/LF
                {"/a%0Ab", "/account"},
                {"%2F%2Fevil.example%2F", "/account"},
                {"%2F%5Cevil.example", "/account"},
                {"https://evil.example/", "/account"},
                {"/" + "a".repeat(2100), "/account"},                  // very long
                {"/" + "%C3%A9".repeat(300), "/" + "%C3%A9".repeat(300)},
        };
        for (String[] c : cases) {
            HttpResponse<String> login = page("/login?next=" + c[0], bob);
            assertEquals(303, login.statusCode(), () -> c[0] + ": " + login.body());
            assertEquals(c[1], login.headers().firstValue("Location").orElseThrow(), c[0]);
        }
        HttpResponse<String> huge = page("/login?next=/" + "a".repeat(20_000), bob);
        assertTrue(huge.statusCode() < 500 && huge.statusCode() != 200, () -> huge.statusCode() + " " + huge.body());
        HttpResponse<String> form = app.send(app.get("/login?next=/a%20b").header("Accept", "text/html").build());
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("/a%20b"), "the sign-in form carries the encoded path: " + form.body());
    }

    @Test
    void pagesAreNeverCachedAndCarryTheStrictContentSecurityPolicy() {
        HttpResponse<String> page = page("/account", bob);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(SecurityHeadersFilter.CSP, page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertFalse(page.body().contains("style="), "inline styles would need 'unsafe-inline'");
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(page.body()).find(), "inline scripts would need 'unsafe-inline'");
    }

    @Test
    void assetsAreCachedForAYearAtTheirVersionedUrlAndRevalidatedByEtagOtherwise() {
        Matcher css = Pattern.compile("href=\"(/assets/gatehouse\\.css\\?v=[0-9a-f]+)\"").matcher(page("/account", bob).body());
        assertTrue(css.find());
        HttpResponse<String> versioned = asset(css.group(1));
        assertEquals(200, versioned.statusCode());
        assertTrue(versioned.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        assertEquals(AssetsController.FOREVER, versioned.headers().firstValue("Cache-Control").orElseThrow());
        String etag = versioned.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> plain = asset("/assets/gatehouse.css");
        assertEquals(AssetsController.REVALIDATE, plain.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> again = asset("/assets/gatehouse.css", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());

        assertEquals(404, asset("/assets/nothing.css").statusCode());
        assertTrue(asset("/assets/..%2Fapplication.yml").statusCode() >= 400);
        assertEquals("image/svg+xml", asset("/favicon.ico").headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void moreThanAHundredUsersArePagedWithANextLink() {
        for (int i = 0; i < AdminPage.PAGE_SIZE; i++) {
            app.addUser(String.format("user%03d", i), "correct horse battery");
        }
        String first = page("/admin", admin).body();
        assertTrue(first.contains("href=\"/admin?after=user096\""), "three of 104 names sort first: <i>eve, admin, bob");
        String second = page("/admin?after=user096", admin).body();
        assertTrue(second.contains("user099") && !second.contains(">bob<"), second);
        assertFalse(second.contains("rel=\"next\""));
    }
}
