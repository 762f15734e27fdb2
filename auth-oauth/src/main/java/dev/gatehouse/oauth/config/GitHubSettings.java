package dev.gatehouse.oauth.config;

import dev.gatehouse.core.model.identities.ProviderName;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * GitHub (or a GitHub Enterprise Server) as a sign-in provider: the OAuth app's registration, where
 * its pages ({@code webUrl}: {@code https://github.com}, {@code https://HOST}) and API
 * ({@code apiUrl}: {@code https://api.github.com}, {@code https://HOST/api/v3}) are, and who may
 * sign in: logins ({@code allowedUsers}, llms.py's {@code restrict_to}), members of organisations
 * ({@code allowedOrgs}) or of teams ({@code allowedTeams}, as {@code org/team-slug}). Empty lists
 * allow everyone with a GitHub account.
 *
 * @param redirectUri the callback address llms.py's configuration names, if it came from there
 */
public record GitHubSettings(String displayName, int order, String clientId, Secret clientSecret, URI webUrl,
                             URI apiUrl, List<String> allowedUsers, List<String> allowedOrgs,
                             List<String> allowedTeams, List<String> adminValues, boolean trustEmail,
                             boolean requireVerifiedEmail, Optional<URI> redirectUri) implements ProviderSettings {

    public static final URI GITHUB_WEB = URI.create("https://github.com");
    public static final URI GITHUB_API = URI.create("https://api.github.com");

    public GitHubSettings {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        webUrl = stripSlash(Objects.requireNonNull(webUrl, "webUrl"));
        apiUrl = stripSlash(Objects.requireNonNull(apiUrl, "apiUrl"));
        allowedUsers = List.copyOf(allowedUsers);
        allowedOrgs = List.copyOf(allowedOrgs);
        allowedTeams = List.copyOf(allowedTeams);
        adminValues = List.copyOf(adminValues);
        Objects.requireNonNull(redirectUri, "redirectUri");
        for (String team : allowedTeams) {
            if (!team.matches("[^/\\s]+/[^/\\s]+")) {
                throw new ConfigException("'" + team + "' is not a GitHub team; write teams as ORG/TEAM-SLUG"
                        + " (e.g. acme/platform).");
            }
        }
    }

    /** github.com with everyone allowed: for libraries and tests. */
    public static GitHubSettings of(String clientId, Secret clientSecret) {
        return new GitHubSettings("GitHub", 0, clientId, clientSecret, GITHUB_WEB, GITHUB_API, List.of(), List.of(),
                List.of(), List.of(), false, false, Optional.empty());
    }

    public GitHubSettings withUrls(URI web, URI api) {
        return new GitHubSettings(displayName, order, clientId, clientSecret, web, api, allowedUsers, allowedOrgs,
                allowedTeams, adminValues, trustEmail, requireVerifiedEmail, redirectUri);
    }

    public GitHubSettings withAllowed(List<String> users, List<String> orgs, List<String> teams) {
        return new GitHubSettings(displayName, order, clientId, clientSecret, webUrl, apiUrl, users, orgs, teams,
                adminValues, trustEmail, requireVerifiedEmail, redirectUri);
    }

    public GitHubSettings withAdminValues(List<String> values) {
        return new GitHubSettings(displayName, order, clientId, clientSecret, webUrl, apiUrl, allowedUsers,
                allowedOrgs, allowedTeams, values, trustEmail, requireVerifiedEmail, redirectUri);
    }

    public GitHubSettings withRequireVerifiedEmail(boolean require) {
        return new GitHubSettings(displayName, order, clientId, clientSecret, webUrl, apiUrl, allowedUsers,
                allowedOrgs, allowedTeams, adminValues, trustEmail, require, redirectUri);
    }

    @Override
    public ProviderName name() {
        return ProviderName.GITHUB;
    }

    /**
     * {@code read:user user:email}, and {@code read:org} when organisations or teams restrict who
     * may sign in or decide who is an administrator (without it GitHub hides private memberships).
     */
    @Override
    public List<String> scopes() {
        List<String> scopes = new ArrayList<>(List.of("read:user", "user:email"));
        if (needsOrgs()) {
            scopes.add("read:org");
        }
        return List.copyOf(scopes);
    }

    /** Whether the person's organisations and teams must be looked up. */
    public boolean needsOrgs() {
        return !allowedOrgs.isEmpty() || !allowedTeams.isEmpty() || !adminValues.isEmpty();
    }

    private static URI stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
