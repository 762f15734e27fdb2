package dev.gatehouse.oauth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider;
import dev.gatehouse.oauth.IdentityProviders;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in providers as an operator configures them: Gatehouse's names, LocalAI's and llms.py's. */
class ProvidersConfigTest {

    @TempDir
    Path dir;

    static Map<String, String> keycloakAndGoogle() {
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_OIDC_PROVIDERS", "keycloak, google");
        env.put("GATEHOUSE_OIDC_KEYCLOAK_ISSUER", "https://sso.corp.example/realms/main");
        env.put("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_ID", "gatehouse");
        env.put("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_SECRET", "kc-very-secret");
        env.put("GATEHOUSE_OIDC_KEYCLOAK_ROLES_CLAIM", "realm_access.roles");
        env.put("GATEHOUSE_OIDC_KEYCLOAK_ADMIN_VALUES", "gatehouse-admin, ops");
        env.put("GATEHOUSE_OIDC_KEYCLOAK_TRUST_EMAIL", "true");
        env.put("GATEHOUSE_OIDC_GOOGLE_ISSUER", "https://accounts.google.com");
        env.put("GATEHOUSE_OIDC_GOOGLE_CLIENT_ID", "123.apps.googleusercontent.com");
        env.put("GATEHOUSE_OIDC_GOOGLE_CLIENT_SECRET", "google-very-secret");
        env.put("GATEHOUSE_OIDC_GOOGLE_DISPLAY_NAME", "Google Workspace");
        env.put("GATEHOUSE_OIDC_GOOGLE_SCOPES", "email profile");
        return env;
    }

    static String error(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ProvidersConfig.fromEnvironment(env)).getMessage();
    }

    @Test
    void namedOidcProvidersAreReadWithTheirSettingsInListOrder() {
        ProvidersConfig config = ProvidersConfig.fromEnvironment(keycloakAndGoogle());

        List<OidcSettings> oidc = config.oidc();
        assertEquals(List.of("keycloak", "google"), oidc.stream().map(s -> s.name().value()).toList());
        OidcSettings keycloak = oidc.get(0);
        assertEquals(URI.create("https://sso.corp.example/realms/main"), keycloak.issuer());
        assertEquals("Keycloak", keycloak.displayName());
        assertEquals("kc-very-secret", keycloak.clientSecret().reveal());
        assertEquals(List.of("openid", "email", "profile"), keycloak.scopes());
        assertEquals("realm_access.roles", keycloak.rolesClaim());
        assertEquals(List.of("gatehouse-admin", "ops"), keycloak.adminValues());
        assertTrue(keycloak.trustEmail());
        OidcSettings google = oidc.get(1);
        assertEquals("Google Workspace", google.displayName());
        assertEquals(List.of("openid", "email", "profile"), google.scopes(), "openid is always asked for");
        assertEquals("groups", google.rolesClaim());
        assertFalse(google.trustEmail());
        assertTrue(config.github().isEmpty());
        assertEquals(keycloak, config.find(ProviderName.of("keycloak")).orElseThrow());
        assertTrue(config.find(ProviderName.of("okta")).isEmpty());
    }

    @Test
    void anAdminValueWithSpacesIsOneValueNotSeveral() {
        // Authentik's own administrators' group is "authentik Admins"; split at the space, any
        // group called "Admins" would make administrators.
        Map<String, String> env = keycloakAndGoogle();
        env.put("GATEHOUSE_OIDC_KEYCLOAK_ADMIN_VALUES", "authentik Admins, Gatehouse Ops ");
        env.put("GATEHOUSE_GITHUB_CLIENT_ID", "Iv1.0123456789abcdef");
        env.put("GATEHOUSE_GITHUB_CLIENT_SECRET", "gh-very-secret");
        env.put("GATEHOUSE_GITHUB_ADMIN_VALUES", "acme/admins,acme/ops");

        ProvidersConfig config = ProvidersConfig.fromEnvironment(env);

        assertEquals(List.of("authentik Admins", "Gatehouse Ops"), config.oidc().get(0).adminValues());
        assertEquals(List.of("acme/admins", "acme/ops"), config.github().orElseThrow().adminValues());
    }

    @Test
    void anOrderSettingMovesAButton() {
        Map<String, String> env = keycloakAndGoogle();
        env.put("GATEHOUSE_OIDC_GOOGLE_ORDER", "1");

        assertEquals("google", ProvidersConfig.fromEnvironment(env).providers().get(0).name().value());
    }

    @Test
    void secretsStayOutOfTextAndMessages() {
        ProvidersConfig config = ProvidersConfig.fromEnvironment(keycloakAndGoogle());

        assertFalse(config.toString().contains("very-secret"), config.toString());
        Map<String, String> conflicting = keycloakAndGoogle();
        conflicting.put("GITHUB_CLIENT_ID", "a");
        conflicting.put("GITHUB_CLIENT_SECRET", "gh-very-secret");
        conflicting.put("GATEHOUSE_GITHUB_CLIENT_SECRET", "gh-other-very-secret");
        String message = error(conflicting);
        assertTrue(message.contains("GATEHOUSE_GITHUB_CLIENT_SECRET and GITHUB_CLIENT_SECRET"), message);
        assertFalse(message.contains("very-secret"), message);
    }

    @Test
    void aSecretIsReadFromAFile() throws Exception {
        Path file = dir.resolve("keycloak-secret");
        Files.writeString(file, "from-a-file\n");
        Map<String, String> env = keycloakAndGoogle();
        env.remove("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_SECRET");
        env.put("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_SECRET_FILE", file.toString());

        assertEquals("from-a-file", ProvidersConfig.fromEnvironment(env).oidc().get(0).clientSecret().reveal());
    }

    @Test
    void anUnreadableSecretFileIsAClearError() {
        Map<String, String> env = keycloakAndGoogle();
        env.remove("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_SECRET");
        env.put("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_SECRET_FILE", dir.resolve("missing").toString());

        String message = error(env);
        assertTrue(message.startsWith("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_SECRET_FILE names ") && message.contains("missing"),
                message);
    }

    @Test
    void aSecretGivenTwoWaysIsRefused() throws Exception {
        Map<String, String> env = keycloakAndGoogle();
        env.put("GATEHOUSE_OIDC_KEYCLOAK_CLIENT_SECRET_FILE", Files.writeString(dir.resolve("s"), "x").toString());

        assertTrue(error(env).contains("are both set"));
    }

    @Test
    void aListedProviderWithoutAnIssuerIsAClearError() {
        Map<String, String> env = keycloakAndGoogle();
        env.put("GATEHOUSE_OIDC_PROVIDERS", "keycloak,google,okta");

        String message = error(env);
        assertTrue(message.startsWith("okta is listed in GATEHOUSE_OIDC_PROVIDERS but GATEHOUSE_OIDC_OKTA_ISSUER is not set"),
                message);
    }

    @Test
    void aMissingClientIdIsAClearError() {
        Map<String, String> env = keycloakAndGoogle();
        env.remove("GATEHOUSE_OIDC_GOOGLE_CLIENT_ID");

        assertTrue(error(env).startsWith("GATEHOUSE_OIDC_GOOGLE_CLIENT_ID is not set"));
    }

    @Test
    void aMissingClientSecretIsAClearError() {
        Map<String, String> env = keycloakAndGoogle();
        env.remove("GATEHOUSE_OIDC_GOOGLE_CLIENT_SECRET");

        assertTrue(error(env).startsWith("GATEHOUSE_OIDC_GOOGLE_CLIENT_SECRET (or GATEHOUSE_OIDC_GOOGLE_CLIENT_SECRET_FILE)"
                + " is not set"));
    }

    @Test
    void anIssuerMustBeHttpsExceptOnThisMachine() {
        Map<String, String> env = keycloakAndGoogle();
        env.put("GATEHOUSE_OIDC_KEYCLOAK_ISSUER", "http://sso.corp.example/realms/main");
        assertTrue(error(env).contains("must use https"));

        env.put("GATEHOUSE_OIDC_KEYCLOAK_ISSUER", "http://localhost.evil.example/realms/main");
        assertTrue(error(env).contains("must use https"));

        env.put("GATEHOUSE_OIDC_KEYCLOAK_ISSUER", "https://sso.corp.example/realms/main?x=1");
        assertTrue(error(env).contains("no query"));

        for (String local : List.of("http://localhost:8080/realms/main", "http://127.0.0.1:8080/realms/main",
                "http://[::1]:8080/realms/main")) {
            env.put("GATEHOUSE_OIDC_KEYCLOAK_ISSUER", local);
            assertEquals(URI.create(local), ProvidersConfig.fromEnvironment(env).oidc().get(0).issuer());
        }
    }

    @Test
    void aSettingForAnUnlistedProviderIsATypoNotIgnored() {
        Map<String, String> env = keycloakAndGoogle();
        env.put("GATEHOUSE_OIDC_KEYCLAOK_CLIENT_ID", "x");

        assertTrue(error(env).startsWith("GATEHOUSE_OIDC_KEYCLAOK_CLIENT_ID is set, but it belongs to no provider"));
    }

    @Test
    void gitHubIsNotAnOidcProvider() {
        Map<String, String> env = keycloakAndGoogle();
        env.put("GATEHOUSE_OIDC_PROVIDERS", "keycloak,github");

        assertTrue(error(env).contains("not an OpenID Connect provider"));
    }

    @Test
    void aNameListedTwiceOrMalformedIsRefused() {
        Map<String, String> env = keycloakAndGoogle();
        env.put("GATEHOUSE_OIDC_PROVIDERS", "keycloak,google,keycloak");
        assertTrue(error(env).contains("twice"));

        env.put("GATEHOUSE_OIDC_PROVIDERS", "keycloak,go_ogle");
        assertTrue(error(env).startsWith("GATEHOUSE_OIDC_PROVIDERS: "));
    }

    @Test
    void aYesOrNoSettingTakesOnlyYesOrNo() {
        Map<String, String> env = keycloakAndGoogle();
        env.put("GATEHOUSE_OIDC_KEYCLOAK_TRUST_EMAIL", "maybe");

        assertTrue(error(env).startsWith("GATEHOUSE_OIDC_KEYCLOAK_TRUST_EMAIL is 'maybe'"));
    }

    @Test
    void localAisSingleOidcProviderIsReadUnderItsOwnNames() {
        Map<String, String> env = Map.of("LOCALAI_OIDC_ISSUER", "https://auth.example.org/application/o/localai/",
                "LOCALAI_OIDC_CLIENT_ID", "localai", "LOCALAI_OIDC_CLIENT_SECRET", "la-secret");

        OidcSettings oidc = ProvidersConfig.fromEnvironment(env).oidc().get(0);

        assertEquals(ProvidersConfig.LOCALAI_OIDC, oidc.name());
        assertEquals("OpenID Connect", oidc.displayName());
        assertEquals("localai", oidc.clientId());
        assertEquals("la-secret", oidc.clientSecret().reveal());
    }

    @Test
    void gitHubIsReadFromGatehouseNamesWithEnterpriseServerAddresses() {
        Map<String, String> env = Map.of("GATEHOUSE_GITHUB_CLIENT_ID", "Iv1.abc", "GATEHOUSE_GITHUB_CLIENT_SECRET", "s",
                "GATEHOUSE_GITHUB_ALLOWED_USERS", "octocat hubot", "GATEHOUSE_GITHUB_ALLOWED_ORGS", "acme",
                "GATEHOUSE_GITHUB_ALLOWED_TEAMS", "acme/platform", "GATEHOUSE_GITHUB_WEB_URL", "https://git.corp.example/",
                "GATEHOUSE_GITHUB_ADMIN_VALUES", "acme/admins");

        GitHubSettings github = ProvidersConfig.fromEnvironment(env).github().orElseThrow();

        assertEquals(List.of("octocat", "hubot"), github.allowedUsers());
        assertEquals(List.of("acme"), github.allowedOrgs());
        assertEquals(List.of("acme/platform"), github.allowedTeams());
        assertEquals(List.of("acme/admins"), github.adminValues());
        assertEquals(URI.create("https://git.corp.example"), github.webUrl());
        assertEquals(URI.create("https://git.corp.example/api/v3"), github.apiUrl());
        assertEquals(List.of("read:user", "user:email", "read:org"), github.scopes());
    }

    @Test
    void gitHubDefaultsToGithubComAndAsksForNoOrganisationsUnlessNeeded() {
        GitHubSettings github = ProvidersConfig.fromEnvironment(Map.of("GITHUB_CLIENT_ID", "Iv1.abc",
                "GITHUB_CLIENT_SECRET", "s", "GITHUB_USERS", "octocat,hubot")).github().orElseThrow();

        assertEquals(URI.create("https://github.com"), github.webUrl());
        assertEquals(URI.create("https://api.github.com"), github.apiUrl());
        assertEquals(List.of("octocat", "hubot"), github.allowedUsers());
        assertEquals(List.of("read:user", "user:email"), github.scopes());
    }

    @Test
    void aTeamMustBeWrittenAsOrgSlashTeam() {
        String message = error(Map.of("GITHUB_CLIENT_ID", "a", "GITHUB_CLIENT_SECRET", "s",
                "GATEHOUSE_GITHUB_ALLOWED_TEAMS", "platform"));

        assertTrue(message.contains("ORG/TEAM-SLUG"), message);
    }

    @Test
    void gitHubSettingsWithoutAClientIdAreRefused() {
        assertTrue(error(Map.of("GITHUB_CLIENT_SECRET", "s")).contains("no client id"));
        assertTrue(error(Map.of("GATEHOUSE_GITHUB_ALLOWED_ORGS", "acme")).contains("no client id"));
    }

    @Test
    void aMisspeltGitHubSettingIsRefusedRatherThanIgnored() {
        String message = error(Map.of("GITHUB_CLIENT_ID", "a", "GITHUB_CLIENT_SECRET", "s",
                "GATEHOUSE_GITHUB_ALLOWED_ORG", "acme"));

        assertTrue(message.startsWith("GATEHOUSE_GITHUB_ALLOWED_ORG is not a GitHub setting"), message);
    }

    @Test
    void aliasesThatAgreeAreFine() {
        assertTrue(ProvidersConfig.fromEnvironment(Map.of("GITHUB_CLIENT_ID", "a", "GATEHOUSE_GITHUB_CLIENT_ID", "a",
                "GITHUB_CLIENT_SECRET", "s")).github().isPresent());
    }

    @Test
    void llmsJsonsGitHubSectionIsReadAsIsWithItsVariables() throws Exception {
        Path llms = Files.writeString(dir.resolve("llms.json"), """
                {"defaults": {"text": {}}, "auth": {"enabled": true, "github": {
                  "client_id": "$GITHUB_CLIENT_ID", "client_secret": "${GITHUB_CLIENT_SECRET}",
                  "redirect_uri": "http://localhost:8000/auth/github/callback", "restrict_to": "$GITHUB_USERS"}}}
                """);
        Map<String, String> env = Map.of("GITHUB_CLIENT_ID", "Iv1.llms", "GITHUB_CLIENT_SECRET", "llms-secret",
                "GITHUB_USERS", "octocat, Mona");

        GitHubSettings github = ProvidersConfig.fromEnvironment(env, Optional.of(llms)).github().orElseThrow();

        assertEquals("Iv1.llms", github.clientId());
        assertEquals("llms-secret", github.clientSecret().reveal());
        assertEquals(List.of("octocat", "Mona"), github.allowedUsers());
        assertEquals(URI.create("http://localhost:8000/auth/github/callback"), github.redirectUri().orElseThrow());
    }

    @Test
    void llmsPysGithubAuthConfigFileIsReadToo() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), """
                {"enabled": true, "client_id": "Iv1.file", "client_secret": "file-secret",
                 "redirect_uri": "https://llms.example/auth/github/callback", "restrict_to": ["octocat", "hubot mona"]}
                """);

        GitHubSettings github = ProvidersConfig.fromEnvironment(Map.of(), Optional.of(file)).github().orElseThrow();

        assertEquals("Iv1.file", github.clientId());
        assertEquals(List.of("octocat", "hubot", "mona"), github.allowedUsers());
    }

    @Test
    void aDisabledOrAbsentGitHubSectionConfiguresNothing() throws Exception {
        Path off = Files.writeString(dir.resolve("off.json"), """
                {"auth": {"github": {"enabled": false, "client_id": "x", "client_secret": "y"}}}""");
        Path none = Files.writeString(dir.resolve("none.json"), "{\"defaults\": {}}");

        assertTrue(ProvidersConfig.fromEnvironment(Map.of(), Optional.of(off)).isEmpty());
        assertTrue(ProvidersConfig.fromEnvironment(Map.of(), Optional.of(none)).isEmpty());
    }

    @Test
    void anLlmsVariableThatIsNotSetIsAnErrorNotAnEmptyValue() throws Exception {
        Path llms = Files.writeString(dir.resolve("llms.json"), """
                {"auth": {"github": {"client_id": "$GITHUB_CLIENT_ID", "client_secret": "$GITHUB_CLIENT_SECRET"}}}""");

        String message = assertThrows(ConfigException.class, () -> ProvidersConfig.fromEnvironment(
                Map.of("GITHUB_CLIENT_ID", "a"), Optional.of(llms))).getMessage();
        assertTrue(message.contains("$GITHUB_CLIENT_SECRET, which is not set"), message);
    }

    @Test
    void anLlmsFileThatDisagreesWithTheEnvironmentIsRefused() throws Exception {
        Path llms = Files.writeString(dir.resolve("llms.json"), """
                {"auth": {"github": {"client_id": "Iv1.file", "client_secret": "s"}}}""");

        String message = assertThrows(ConfigException.class, () -> ProvidersConfig.fromEnvironment(
                Map.of("GATEHOUSE_GITHUB_CLIENT_ID", "Iv1.env"), Optional.of(llms))).getMessage();
        assertTrue(message.contains("GATEHOUSE_GITHUB_CLIENT_ID and ") && message.contains("client_id"), message);
    }

    @Test
    void brokenJsonIsAClearError() throws Exception {
        Path llms = Files.writeString(dir.resolve("llms.json"), "{\"auth\": ");

        String message = assertThrows(ConfigException.class, () -> ProvidersConfig.fromEnvironment(Map.of(),
                Optional.of(llms))).getMessage();
        assertTrue(message.contains("is not valid JSON"), message);
    }

    @Test
    void theProvidersAreBuiltInButtonOrder() {
        Map<String, String> env = keycloakAndGoogle();
        env.put("GITHUB_CLIENT_ID", "a");
        env.put("GITHUB_CLIENT_SECRET", "s");

        List<IdentityProvider> providers = IdentityProviders.from(ProvidersConfig.fromEnvironment(env));

        assertEquals(List.of(ProviderName.GITHUB, ProviderName.of("keycloak"), ProviderName.of("google")),
                providers.stream().map(IdentityProvider::name).toList());
        assertEquals(List.of("GitHub", "Keycloak", "Google Workspace"),
                providers.stream().map(IdentityProvider::displayName).toList());
    }
}
