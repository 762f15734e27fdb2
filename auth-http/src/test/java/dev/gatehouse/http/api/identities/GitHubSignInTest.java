package dev.gatehouse.http.api.identities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.service.registration.RegistrationRules;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** llms.py's {@code /auth/github} and {@code /auth/github/callback}, against a stand-in GitHub, through HTTP. */
class GitHubSignInTest {

    GitHubStandIn github;
    RunningServer app;

    @BeforeEach
    void startGitHub() throws Exception {
        github = new GitHubStandIn();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        github.close();
    }

    void start(Map<String, String> more) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_GITHUB_CLIENT_ID", GitHubStandIn.CLIENT_ID);
        env.put("GATEHOUSE_GITHUB_CLIENT_SECRET", GitHubStandIn.CLIENT_SECRET);
        env.put("GATEHOUSE_GITHUB_WEB_URL", github.web().toString());
        env.put("GATEHOUSE_GITHUB_API_URL", github.api().toString());
        env.putAll(more);
        app = RunningServer.withProviders(env, s -> s.withRegistration(new RegistrationRules(RegistrationMode.OPEN,
                Optional.empty())));
        app.addAdmin("root", "correct horse battery");
    }

    @Test
    void aGitHubUserSignsInThroughLlmsPysRoutes() throws Exception {
        start(Map.of());
        ProviderBrowser browser = new ProviderBrowser(app.origin());

        HttpResponse<String> landed = browser.signIn("/auth/github");

        assertEquals("/account", landed.headers().firstValue("Location").orElse(""), landed.body());
        HttpResponse<String> methods = app.json("GET", "/api/me/identities", null, browser.cookieHeader());
        assertEquals("octocat", RunningServer.json(methods).path("username").asText(), methods.body());
        assertEquals("583231", RunningServer.json(methods).path("identities").get(0).path("subject").asText());
        assertEquals("octocat@github.com", RunningServer.json(methods).path("identities").get(0).path("email").asText());
    }

    @Test
    void someoneNotOnTheAllowListIsRefusedAndNothingIsMade() throws Exception {
        start(Map.of("GATEHOUSE_GITHUB_ALLOWED_USERS", "monalisa"));
        ProviderBrowser browser = new ProviderBrowser(app.origin());

        HttpResponse<String> landed = browser.signIn("/auth/github");

        assertEquals("/login?error=not_allowed&provider=github", landed.headers().firstValue("Location").orElse(""));
        assertEquals(1, app.cli.users().count());
        assertTrue(!browser.cookies.containsKey("gatehouse_session"));
    }
}
