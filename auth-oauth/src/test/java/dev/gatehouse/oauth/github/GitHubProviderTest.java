package dev.gatehouse.oauth.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider.Failed;
import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.core.port.out.IdentityProvider.Outcome;
import dev.gatehouse.core.port.out.IdentityProvider.Redirect;
import dev.gatehouse.core.port.out.IdentityProvider.Verified;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.GitHubSettings;
import dev.gatehouse.oauth.config.Secret;
import dev.gatehouse.oauth.testing.Browser;
import dev.gatehouse.oauth.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in with GitHub, against a stand-in for a GitHub Enterprise Server that answers as GitHub
 * documents: the round trip with state and PKCE, the numeric id as subject, only a primary and
 * verified address, and the allow-lists of users, organisations and teams.
 */
class GitHubProviderTest {

    static final URI CALLBACK = URI.create("https://gatehouse.example/auth/github/callback");

    GitHubStandIn github;
    MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        github = new GitHubStandIn();
        clock = new MutableClock();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    GitHubSettings settings() {
        return GitHubSettings.of(GitHubStandIn.CLIENT_ID, Secret.of(GitHubStandIn.CLIENT_SECRET))
                .withUrls(github.web(), github.api());
    }

    GitHubProvider provider(GitHubSettings settings) {
        return new GitHubProvider(settings, FlowSettings.DEFAULTS, clock);
    }

    Outcome signIn(GitHubProvider provider) throws Exception {
        Redirect redirect = provider.begin(CALLBACK);
        return provider.complete(Browser.visit(redirect.location()), redirect.roundTrip(), CALLBACK);
    }

    static ExternalIdentity verified(Outcome outcome) {
        return assertInstanceOf(Verified.class, outcome, () -> outcome.toString()).identity();
    }

    static Failed failed(Failure why, Outcome outcome) {
        Failed failed = assertInstanceOf(Failed.class, outcome, () -> outcome.toString());
        assertEquals(why, failed.why(), failed.message());
        assertFalse(failed.message().contains(GitHubStandIn.CLIENT_SECRET), failed.message());
        return failed;
    }

    @Test
    void aPersonSignsInAsTheirNumericIdWithStateAndPkce() throws Exception {
        GitHubProvider provider = provider(settings());
        Redirect redirect = provider.begin(CALLBACK);
        Map<String, String> asked = Browser.query(redirect.location());

        ExternalIdentity octocat = verified(provider.complete(Browser.visit(redirect.location()), redirect.roundTrip(),
                CALLBACK));

        assertTrue(redirect.location().toString().startsWith(github.web() + "/login/oauth/authorize?"));
        assertEquals(GitHubStandIn.CLIENT_ID, asked.get("client_id"));
        assertEquals(CALLBACK.toString(), asked.get("redirect_uri"));
        assertEquals("read:user user:email", asked.get("scope"));
        assertEquals(redirect.roundTrip().state(), asked.get("state"));
        assertEquals("S256", asked.get("code_challenge_method"));
        assertEquals(CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(redirect.roundTrip().codeVerifier()))
                .getValue(), asked.get("code_challenge"));
        assertEquals("", redirect.roundTrip().nonce());
        assertEquals(ProviderName.GITHUB, octocat.provider());
        assertEquals("583231", octocat.subject());
        assertEquals("octocat", octocat.login());
        assertEquals("octocat@github.com", octocat.verifiedEmail().orElseThrow());
        assertEquals("monalisa octocat", octocat.displayName().orElseThrow());
        assertTrue(octocat.groups().isEmpty());
    }

    @Test
    void onlyAnAddressThatIsPrimaryAndVerifiedCounts() throws Exception {
        github.emails = List.of(GitHubStandIn.email("primary-unverified@example.com", true, false),
                GitHubStandIn.email("verified-secondary@example.com", false, true));

        ExternalIdentity octocat = verified(signIn(provider(settings())));

        assertTrue(octocat.email().isEmpty(), octocat.toString());
        assertFalse(octocat.emailVerified());
    }

    @Test
    void withoutAVerifiedPrimaryAddressASignInIsRefusedWhereOneIsRequired() throws Exception {
        github.emails = List.of(GitHubStandIn.email("primary-unverified@example.com", true, false));

        failed(Failure.EMAIL_UNVERIFIED, signIn(provider(settings().withRequireVerifiedEmail(true))));
    }

    @Test
    void declinedAtGitHubIsAccessDenied() {
        GitHubProvider provider = provider(settings());
        Redirect redirect = provider.begin(CALLBACK);

        failed(Failure.ACCESS_DENIED, provider.complete(Map.of("error", "access_denied", "error_description",
                "The user has denied your application access.", "state", redirect.roundTrip().state()),
                redirect.roundTrip(), CALLBACK));
    }

    @Test
    void aCallbackForAnotherBrowserIsRefusedBeforeTheCodeIsUsed() throws Exception {
        GitHubProvider provider = provider(settings());
        Redirect mine = provider.begin(CALLBACK);
        Redirect theirs = provider.begin(CALLBACK);
        Map<String, String> theirCallback = Browser.visit(theirs.location());

        failed(Failure.STATE_MISMATCH, provider.complete(theirCallback, mine.roundTrip(), CALLBACK));
        verified(provider.complete(theirCallback, theirs.roundTrip(), CALLBACK)); // their code was not spent
    }

    @Test
    void aCodeUsedTwiceIsRejected() throws Exception {
        GitHubProvider provider = provider(settings());
        Redirect redirect = provider.begin(CALLBACK);
        Map<String, String> callback = Browser.visit(redirect.location());
        verified(provider.complete(callback, redirect.roundTrip(), CALLBACK));

        failed(Failure.CODE_REJECTED, provider.complete(callback, redirect.roundTrip(), CALLBACK));
    }

    @Test
    void aRoundTripOlderThanTenMinutesHasExpired() throws Exception {
        GitHubProvider provider = provider(settings());
        Redirect redirect = provider.begin(CALLBACK);
        Map<String, String> callback = Browser.visit(redirect.location());
        clock.advance(Duration.ofMinutes(11));

        failed(Failure.EXPIRED, provider.complete(callback, redirect.roundTrip(), CALLBACK));
    }

    @Test
    void allowedUsersAreComparedIgnoringCase() throws Exception {
        verified(signIn(provider(settings().withAllowed(List.of("hubot", "OctoCat"), List.of(), List.of()))));
    }

    @Test
    void aPersonNotOnTheUserListIsNotAllowedAndTheListStaysSecret() throws Exception {
        Failed failed = failed(Failure.NOT_ALLOWED, signIn(provider(settings().withAllowed(List.of("hubot", "mona"),
                List.of(), List.of()))));

        assertTrue(failed.message().contains("octocat") && failed.message().contains("GitHub accounts allowed here"),
                failed.message());
        assertFalse(failed.message().contains("hubot") || failed.message().contains("mona"), failed.message());
    }

    @Test
    void membersOfAnAllowedOrganisationMaySignInAndItBecomesAGroup() throws Exception {
        github.orgs = List.of("acme", "octo-org");
        GitHubProvider provider = provider(settings().withAllowed(List.of(), List.of("Acme"), List.of()));

        Redirect redirect = provider.begin(CALLBACK);
        assertEquals("read:user user:email read:org", Browser.query(redirect.location()).get("scope"));
        ExternalIdentity octocat = verified(provider.complete(Browser.visit(redirect.location()), redirect.roundTrip(),
                CALLBACK));

        assertEquals(List.of("acme", "octo-org"), octocat.groups());
    }

    @Test
    void anOrganisationHiddenFromTheListIsFoundByTheMembershipCheck() throws Exception {
        github.hiddenOrgs = List.of("acme");

        ExternalIdentity octocat = verified(signIn(provider(settings().withAllowed(List.of(), List.of("acme"),
                List.of()))));

        assertEquals(List.of("acme"), octocat.groups());
    }

    @Test
    void aPersonOutsideTheAllowedOrganisationsIsNotAllowed() throws Exception {
        github.orgs = List.of("octo-org");

        Failed failed = failed(Failure.NOT_ALLOWED, signIn(provider(settings().withAllowed(List.of(), List.of("acme"),
                List.of()))));
        assertTrue(failed.message().contains("member of an allowed GitHub organisation"), failed.message());
        assertFalse(failed.message().contains("acme"), failed.message());
    }

    @Test
    void membersOfAnAllowedTeamMaySignInAndTheTeamIsAGroup() throws Exception {
        github.orgs = List.of("acme");
        github.teams = List.of("acme/platform", "acme/design");

        ExternalIdentity octocat = verified(signIn(provider(settings().withAllowed(List.of(), List.of(),
                List.of("acme/platform")))));

        assertEquals(List.of("acme", "acme/platform", "acme/design"), octocat.groups());
    }

    @Test
    void aMemberOfTheOrganisationButNotTheTeamIsNotAllowed() throws Exception {
        github.orgs = List.of("acme");
        github.teams = List.of("acme/design");

        failed(Failure.NOT_ALLOWED, signIn(provider(settings().withAllowed(List.of(), List.of(),
                List.of("acme/platform")))));
    }

    @Test
    void adminValuesAloneAreEnoughToLookUpOrganisationsAndTeams() throws Exception {
        github.orgs = List.of("acme");
        github.teams = List.of("acme/admins");

        ExternalIdentity octocat = verified(signIn(provider(settings().withAdminValues(List.of("acme/admins")))));

        assertEquals(List.of("acme", "acme/admins"), octocat.groups());
    }

    @Test
    void aGitHubThatDoesNotAnswerInTimeIsUnavailable() throws Exception {
        github.delay = Duration.ofMillis(1500);
        GitHubProvider slow = new GitHubProvider(settings(), FlowSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(1),
                Duration.ofMillis(300)), clock);

        failed(Failure.UNAVAILABLE, signIn(slow));
    }

    @Test
    void anAnswerLargerThanAnyGitHubSendsIsRefusedNotRead() throws Exception {
        github.bio = "x".repeat(4 * 1024 * 1024);

        Failed failed = failed(Failure.PROVIDER_ERROR, signIn(provider(settings())));
        assertTrue(failed.message().contains("too large"), failed.message());
    }

    @Test
    void aWrongClientSecretIsAProviderErrorThatDoesNotRepeatTheSecret() throws Exception {
        GitHubSettings wrong = GitHubSettings.of(GitHubStandIn.CLIENT_ID, Secret.of("not-the-secret"))
                .withUrls(github.web(), github.api());

        Failed failed = failed(Failure.PROVIDER_ERROR, signIn(provider(wrong)));
        assertTrue(failed.message().contains("incorrect_client_credentials"), failed.message());
        assertFalse(failed.message().contains("not-the-secret"), failed.message());
    }
}
