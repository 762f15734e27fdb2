package dev.gatehouse.oauth.github;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.IdentityProvider;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.GitHubSettings;
import dev.gatehouse.oauth.flow.CallbackCheck;
import dev.gatehouse.oauth.flow.Refusal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in with GitHub or a GitHub Enterprise Server (OAuth 2.0; GitHub has no ID token for people):
 * {@code state} and PKCE S256 on the round trip, the person's numeric id as the subject (a login can
 * be renamed and taken by someone else), their primary verified address only, the operator's
 * allow-lists of users, organisations and teams, and their organisations and {@code org/team}
 * names as groups for role mapping.
 */
public final class GitHubProvider implements IdentityProvider {

    private final GitHubSettings settings;
    private final FlowSettings flow;
    private final Clock clock;
    private final GitHubApi api;

    public GitHubProvider(GitHubSettings settings, FlowSettings flow, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.flow = Objects.requireNonNull(flow, "flow");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.api = new GitHubApi(settings, flow);
    }

    public GitHubSettings settings() {
        return settings;
    }

    @Override
    public ProviderName name() {
        return ProviderName.GITHUB;
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    @Override
    public Redirect begin(URI redirectUri) {
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        URI location = URI.create(settings.webUrl() + "/login/oauth/authorize"
                + "?client_id=" + encode(settings.clientId())
                + "&redirect_uri=" + encode(redirectUri.toString())
                + "&scope=" + encode(String.join(" ", settings.scopes()))
                + "&state=" + encode(state.getValue())
                + "&code_challenge=" + encode(challenge)
                + "&code_challenge_method=S256");
        return new Redirect(location, new RoundTrip(name(), state.getValue(), "", verifier.getValue(), clock.instant()));
    }

    @Override
    public Outcome complete(Map<String, String> callback, RoundTrip started, URI redirectUri) {
        try {
            Optional<Failed> early = CallbackCheck.check(name(), displayName(), callback, started, clock,
                    flow.roundTripMaxAge())
                    .or(() -> CallbackCheck.providerError(displayName(), callback));
            if (early.isPresent()) {
                return early.get();
            }
            String token = api.accessToken(callback.get("code"), redirectUri, started.codeVerifier());
            GitHubUser user = GitHubUser.fetch(api, token);
            List<String> groups = settings.needsOrgs() ? new Memberships(api, token, user.login()).groups(
                    settings.allowedOrgs()) : List.of();
            new AllowList(settings).check(user.login(), groups);
            Optional<String> email = user.primaryVerifiedEmail();
            if (settings.requireVerifiedEmail() && email.isEmpty()) {
                return new Failed(Failure.EMAIL_UNVERIFIED, "GitHub has no verified primary email address for "
                        + user.login() + "; verify one at GitHub (Settings, Emails), then sign in again.");
            }
            return new Verified(new ExternalIdentity(name(), user.id(), user.login(), email, email.isPresent(), groups,
                    user.name()));
        } catch (Refusal refusal) {
            return refusal.failed();
        } catch (RuntimeException unexpected) {
            return new Failed(Failure.PROVIDER_ERROR, "GitHub sent an answer that could not be used ("
                    + unexpected.getClass().getSimpleName() + ").");
        }
    }

    /** GitHub has no discovery to fail: it is usable whenever it is configured. */
    @Override
    public Health health() {
        return Health.ok();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "GitHubProvider[" + settings.webUrl() + "]";
    }
}
