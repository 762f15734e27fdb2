package dev.gatehouse.oauth.github;

import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.oauth.config.GitHubSettings;
import dev.gatehouse.oauth.flow.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may sign in with GitHub: with no list everyone; otherwise whoever is on any of them (a login
 * among the users, compared ignoring case as GitHub does; a member of an organisation; a member of
 * a team). The refusal names what was required, never the lists themselves.
 */
final class AllowList {

    private final GitHubSettings settings;

    AllowList(GitHubSettings settings) {
        this.settings = settings;
    }

    void check(String login, List<String> groups) throws Refusal {
        boolean restricted = !settings.allowedUsers().isEmpty() || !settings.allowedOrgs().isEmpty()
                || !settings.allowedTeams().isEmpty();
        if (!restricted) {
            return;
        }
        if (Memberships.containsIgnoringCase(settings.allowedUsers(), login)
                || settings.allowedOrgs().stream().anyMatch(org -> Memberships.containsIgnoringCase(groups, org))
                || settings.allowedTeams().stream().anyMatch(team -> Memberships.containsIgnoringCase(groups, team))) {
            return;
        }
        List<String> required = new ArrayList<>();
        if (!settings.allowedUsers().isEmpty()) {
            required.add("one of the GitHub accounts allowed here");
        }
        if (!settings.allowedOrgs().isEmpty()) {
            required.add("a member of an allowed GitHub organisation");
        }
        if (!settings.allowedTeams().isEmpty()) {
            required.add("a member of an allowed GitHub team");
        }
        throw new Refusal(Failure.NOT_ALLOWED, "The GitHub account " + login + " may not sign in here: it must be "
                + String.join(", or ", required) + ". Ask the operator to let you in, or sign in another way.");
    }
}
