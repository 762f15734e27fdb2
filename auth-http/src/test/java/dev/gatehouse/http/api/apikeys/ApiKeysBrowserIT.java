package dev.gatehouse.http.api.apikeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.gatehouse.http.testing.Chromium;
import dev.gatehouse.http.testing.ChromiumTests;
import dev.gatehouse.http.testing.Nginx;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API Keys page in a real browser: a person makes a key, sees it once, a program uses it,
 * the person revokes it and the program is refused. Screenshots land in target/screenshots.
 */
class ApiKeysBrowserIT extends ChromiumTests {

    static final String ALICE = "alice horse battery staple";
    static final String ADMIN = "admin horse battery staple";

    @Test
    void aKeyMadeOnTheTokensPageWorksOnceCopiedAndStopsWhenRevokedThere() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = new RunningServer()) {
            app.addAdmin("admin", ADMIN);
            app.addUser("alice", ALICE);
            String origin = app.origin();
            Page alice = chromium.open();
            signInTo(alice, origin, "/account", "alice", ALICE);

            alice.click("summary");
            alice.locator(".menu-panel").getByRole(AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("API Keys")).click();
            alice.waitForURL(origin + "/tokens");
            assertThat(alice.locator("h1")).hasText("API Keys");
            assertThat(alice.locator(".empty")).containsText("No API keys yet");
            Chromium.screenshot(alice, "tokens-01-empty");

            alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API Key").setExact(true)).click();
            assertThat(alice.locator("#token-owner")).hasValue("alice");
            assertThat(alice.locator("#token-owner")).hasAttribute("readonly", "");
            assertThat(alice.locator("#token-expires")).hasValue("1y");
            alice.fill("#token-name", "laptop");
            alice.selectOption("#token-expires", "90d");
            Chromium.screenshot(alice, "tokens-02-create");
            alice.click("#create-dialog button[type=submit]");

            assertThat(alice.locator("#key-dialog")).isVisible();
            assertThat(alice.locator("#new-key")).hasValue(java.util.regex.Pattern.compile("gate_\\w{49}"));
            assertThat(alice.locator("#key-dialog")).containsText("you will not see it again");
            String key = alice.locator("#new-key").inputValue();
            assertTrue(key.matches("gate_[0-9A-Za-z]{49}"), key);
            Chromium.screenshot(alice, "tokens-03-copy-once");
            alice.click("#key-dialog [data-copy]");
            assertThat(alice.locator("#toast")).containsText("Copied");
            alice.click("#key-dialog [data-close]");
            alice.waitForLoadState();
            assertThat(alice.locator("tr[data-token]")).hasCount(1);
            assertThat(alice.locator("tr[data-token]")).containsText("laptop");
            assertThat(alice.locator("tr[data-token] .status-active")).hasText("Active");
            assertTrue(!alice.content().contains(key), "the key is not on the page any more");

            HttpResponse<String> me = app.send(app.get("/api/me").header("Authorization", "Bearer " + key).build());
            assertEquals(200, me.statusCode(), me.body());
            assertEquals("alice", RunningServer.json(me).path("username").asText(), me.body());

            alice.click("[aria-label='Rename laptop']");
            assertThat(alice.locator("#rename-name")).hasValue("laptop");
            alice.fill("#rename-name", "work laptop");
            alice.click("#rename-dialog button[type=submit]");
            assertThat(alice.locator("tr[data-token]")).containsText("work laptop");

            alice.click("[aria-label='Revoke work laptop']");
            assertThat(alice.locator("#revoke-dialog")).containsText("Revoke work laptop?");
            Chromium.screenshot(alice, "tokens-04-revoke");
            alice.click("#revoke-dialog button[type=submit]");
            assertThat(alice.locator("tr[data-token] .status-revoked")).hasText("Revoked");
            assertThat(alice.locator("[aria-label='Revoke work laptop']")).hasCount(0);
            Chromium.screenshot(alice, "tokens-05-revoked");

            HttpResponse<String> refused = app.send(app.get("/api/me").header("Authorization", "Bearer " + key).build());
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(List.of(), faults());
        }
    }

    @Test
    void anAdministratorSeesEveryonesKeysAndMakesOneForAnotherUser() throws Exception {
        chromium.errors.clear();
        try (RunningServer app = new RunningServer()) {
            app.addAdmin("admin", ADMIN);
            app.addUser("alice", ALICE);
            app.addUser("bob", "bob horse battery staple");
            String origin = app.origin();
            for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                Page admin = chromium.open(1280, 860, scheme);
                signInTo(admin, origin, "/tokens", "admin", ADMIN);
                admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API Key").setExact(true)).click();
                assertThat(admin.locator("#token-owner option")).hasText(new String[] {"admin", "alice", "bob"});
                assertThat(admin.locator("#token-owner")).hasValue("admin");
                admin.selectOption("#token-owner", "bob");
                admin.fill("#token-name", "bob's phone " + scheme);
                admin.click("#create-dialog button[type=submit]");
                assertThat(admin.locator("#new-key")).hasValue(java.util.regex.Pattern.compile("gate_\\w{49}"));
                String key = admin.locator("#new-key").inputValue();
                admin.click("#key-dialog [data-close]");
                assertThat(admin.locator("tr[data-token]").filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("bob's phone " + scheme))).containsText("bob");
                HttpResponse<String> me = app.send(app.get("/api/me").header("x-api-key", key).build());
                assertEquals("bob", RunningServer.json(me).path("username").asText(), me.body());
                Chromium.screenshot(admin, "tokens-admin" + (scheme == ColorScheme.DARK ? "-dark" : ""));
            }
            Page phone = chromium.open(390, 844, ColorScheme.LIGHT);
            signInTo(phone, origin, "/tokens", "admin", ADMIN);
            int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertTrue(width <= 390, "the keys table must not scroll sideways on a phone; it is " + width + " px wide");
            Chromium.screenshot(phone, "tokens-phone");
            assertEquals(List.of(), chromium.errors, "CSP violations and script errors show in the console");
        }
    }

    /**
     * The whole story behind nginx, as docs/deployment.md sets it up: a person signs in and makes a key
     * on /tokens through nginx, a program calls the AI server through nginx with it, the person revokes
     * it on the page, and the program's next call is refused before it reaches the AI server.
     */
    @Test
    void behindNginxAKeyMadeOnTheTokensPageOpensTheAiServerUntilRevokedThere() throws Exception {
        if (!java.nio.file.Files.isExecutable(Nginx.EXECUTABLE) && !"true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.abort("No nginx at " + Nginx.EXECUTABLE + " (apt-get install nginx-light)");
        }
        chromium.errors.clear();
        java.util.concurrent.atomic.AtomicInteger reached = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer ai = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        ai.createContext("/", exchange -> {
            reached.incrementAndGet();
            byte[] body = ("{\"object\":\"list\",\"for\":\"" + exchange.getRequestHeaders().getFirst("X-Gatehouse-User")
                    + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ai.start();
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"));
             Nginx nginx = new Nginx(app.server.getPort(), ai.getAddress().getPort())) {
            app.addAdmin("admin", ADMIN);
            app.addUser("alice", ALICE);
            String origin = nginx.origin();
            java.net.http.HttpClient program = java.net.http.HttpClient.newHttpClient();
            java.util.function.Function<String, HttpResponse<String>> models = key -> {
                try {
                    return program.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(origin + "/v1/models"))
                            .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };

            Page alice = chromium.open();
            alice.navigate(origin + "/v1/models");
            alice.waitForURL(origin + "/login?next=%2Fv1%2Fmodels");
            signInTo(alice, origin, "/tokens", "alice", ALICE);
            alice.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create API Key").setExact(true)).click();
            alice.fill("#token-name", "script");
            alice.click("#create-dialog button[type=submit]");
            assertThat(alice.locator("#new-key")).hasValue(java.util.regex.Pattern.compile("gate_\\w{49}"));
            String key = alice.locator("#new-key").inputValue();
            alice.click("#key-dialog [data-close]");
            assertThat(alice.locator("tr[data-token]")).hasCount(1); // the page has shown the new key

            HttpResponse<String> allowed = models.apply(key);
            assertEquals(200, allowed.statusCode(), allowed.body() + "\n" + nginx.log());
            assertEquals("{\"object\":\"list\",\"for\":\"alice\"}", allowed.body());
            alice.navigate(origin + "/tokens");
            assertThat(alice.locator("tr[data-token]")).not().containsText("Never");

            alice.click("[aria-label='Revoke script']");
            alice.click("#revoke-dialog button[type=submit]");
            assertThat(alice.locator("tr[data-token] .status-revoked")).hasText("Revoked");
            Chromium.screenshot(alice, "tokens-behind-nginx-revoked");

            int before = reached.get();
            HttpResponse<String> refused = models.apply(key);
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(before, reached.get(), "the revoked key's call never reached the AI server");
            assertEquals(List.of(), faults());
        } finally {
            ai.stop(0);
        }
    }
}
