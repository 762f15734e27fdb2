package dev.gatehouse.oauth.github;

import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.oauth.flow.Refusal;
import dev.gatehouse.oauth.flow.Text;
import java.util.Map;
import java.util.Optional;

/**
 * The person behind a GitHub token: {@code GET /user} ({@code id}, {@code login}, {@code name}) and
 * {@code GET /user/emails}, of which only the address that is primary and verified counts.
 */
record GitHubUser(String id, String login, Optional<String> name, Optional<String> primaryVerifiedEmail) {

    static GitHubUser fetch(GitHubApi api, String token) throws Refusal {
        GitHubApi.Response me = api.get(token, "/user");
        if (!me.ok()) {
            throw new Refusal(Failure.PROVIDER_ERROR, "GitHub would not say who you are (HTTP " + me.status() + ").");
        }
        Map<String, Object> user = GitHubApi.object(me.body());
        if (!(user.get("id") instanceof Number id) || !(user.get("login") instanceof String login) || login.isBlank()) {
            throw new Refusal(Failure.PROVIDER_ERROR, "GitHub's description of you has no id or login.");
        }
        Optional<String> name = user.get("name") instanceof String n ? Optional.of(n) : Optional.empty();
        return new GitHubUser(Long.toString(id.longValue()), login, name, primaryVerified(api, token));
    }

    private static Optional<String> primaryVerified(GitHubApi api, String token) throws Refusal {
        GitHubApi.Response emails = api.get(token, "/user/emails?per_page=100");
        if (!emails.ok()) {
            return Optional.empty(); // without the user:email scope there is no address to trust
        }
        for (Object item : GitHubApi.array(emails.body())) {
            if (item instanceof Map<?, ?> entry && Boolean.TRUE.equals(entry.get("primary"))
                    && Boolean.TRUE.equals(entry.get("verified")) && entry.get("email") instanceof String address) {
                return Text.emailAddress(address);
            }
        }
        return Optional.empty();
    }
}
