package dev.gatehouse.oauth.github;

import dev.gatehouse.oauth.flow.Refusal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The person's organisations and teams as groups ({@code acme}, {@code acme/platform}):
 * {@code GET /user/orgs} and {@code /user/teams}, and for an allowed organisation that list does
 * not show (GitHub hides those with third-party access restrictions there),
 * {@code GET /orgs/ORG/members/LOGIN}, where 204 means a member.
 */
final class Memberships {

    private final GitHubApi api;
    private final String token;
    private final String login;

    Memberships(GitHubApi api, String token, String login) {
        this.api = api;
        this.token = token;
        this.login = login;
    }

    List<String> groups(List<String> allowedOrgs) throws Refusal {
        List<String> groups = new ArrayList<>();
        GitHubApi.Response orgs = api.get(token, "/user/orgs?per_page=100");
        if (orgs.ok()) {
            for (Object item : GitHubApi.array(orgs.body())) {
                if (item instanceof Map<?, ?> org && org.get("login") instanceof String name) {
                    add(groups, name);
                }
            }
        }
        for (String org : allowedOrgs) {
            if (!containsIgnoringCase(groups, org)) {
                GitHubApi.Response member = api.get(token, "/orgs/" + encode(org) + "/members/" + encode(login));
                if (member.status() == 204) {
                    add(groups, org);
                }
            }
        }
        GitHubApi.Response teams = api.get(token, "/user/teams?per_page=100");
        if (teams.ok()) {
            for (Object item : GitHubApi.array(teams.body())) {
                if (item instanceof Map<?, ?> team && team.get("slug") instanceof String slug
                        && team.get("organization") instanceof Map<?, ?> org && org.get("login") instanceof String orgLogin) {
                    add(groups, orgLogin + "/" + slug);
                }
            }
        }
        return List.copyOf(groups);
    }

    static boolean containsIgnoringCase(List<String> values, String wanted) {
        return values.stream().anyMatch(v -> v.equalsIgnoreCase(wanted));
    }

    private static void add(List<String> groups, String value) {
        if (!containsIgnoringCase(groups, value)) {
            groups.add(value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
    }
}
