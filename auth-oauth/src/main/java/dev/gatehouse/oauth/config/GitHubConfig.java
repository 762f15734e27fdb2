package dev.gatehouse.oauth.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GitHub's settings from {@code GATEHOUSE_GITHUB_*}, LocalAI's and llms.py's names, and llms.py's file. */
final class GitHubConfig {

    private static final String P = "GATEHOUSE_GITHUB_";
    static final List<String> KEYS = List.of("CLIENT_ID", "CLIENT_SECRET", "CLIENT_SECRET_FILE", "ALLOWED_USERS",
            "ALLOWED_ORGS", "ALLOWED_TEAMS", "ADMIN_VALUES", "WEB_URL", "API_URL", "DISPLAY_NAME", "ORDER",
            "TRUST_EMAIL", "REQUIRE_VERIFIED_EMAIL", "GROUPS_AUTHORITATIVE", "FEATURES", "MODELS");

    private GitHubConfig() {
    }

    static Optional<GitHubSettings> read(Env env, Optional<LlmsGitHubFile> llms) {
        refuseUnknownSettings(env);
        String fileName = llms.map(f -> f.file() + " (auth.github) ").orElse("");
        Optional<String> clientId = agree(env, "CLIENT_ID", "GITHUB_CLIENT_ID", fileName + "client_id",
                llms.flatMap(LlmsGitHubFile::clientId));
        Optional<String> directSecret = agree(env, "CLIENT_SECRET", "GITHUB_CLIENT_SECRET", fileName + "client_secret",
                llms.flatMap(LlmsGitHubFile::clientSecret));
        if (clientId.isEmpty()) {
            if (directSecret.isPresent() || KEYS.stream().anyMatch(key -> env.get(P + key).isPresent())) {
                throw new ConfigException("GitHub settings are given but no client id; set GATEHOUSE_GITHUB_CLIENT_ID"
                        + " to the OAuth app's client id.");
            }
            return Optional.empty();
        }
        Secret secret = env.secret(directSecret, P + "CLIENT_SECRET", P + "CLIENT_SECRET_FILE")
                .orElseThrow(() -> new ConfigException("GATEHOUSE_GITHUB_CLIENT_SECRET (or GATEHOUSE_GITHUB_CLIENT_SECRET_FILE)"
                        + " is not set; generate a client secret for the OAuth app and give it here."));
        // Lists are compared as lists: "octocat, mona" and ["octocat", "mona"] agree.
        Map<String, Optional<String>> userLists = new LinkedHashMap<>();
        userLists.put(P + "ALLOWED_USERS", env.get(P + "ALLOWED_USERS").map(v -> String.join(",", Env.list(v))));
        userLists.put("GITHUB_USERS", env.get("GITHUB_USERS").map(v -> String.join(",", Env.list(v))));
        userLists.put(fileName + "restrict_to", llms.map(LlmsGitHubFile::restrictTo).filter(l -> !l.isEmpty())
                .map(l -> String.join(",", l)));
        Optional<String> users = Env.agree(userLists);
        URI web = env.get(P + "WEB_URL").map(v -> Env.address(P + "WEB_URL", v)).orElse(GitHubSettings.GITHUB_WEB);
        URI api = env.get(P + "API_URL").map(v -> Env.address(P + "API_URL", v))
                .orElse(web.equals(GitHubSettings.GITHUB_WEB) ? GitHubSettings.GITHUB_API
                        : URI.create(web.toString().replaceAll("/+$", "") + "/api/v3"));
        Optional<URI> redirect = llms.flatMap(LlmsGitHubFile::redirectUri).map(URI::create);
        return Optional.of(new GitHubSettings(env.get(P + "DISPLAY_NAME").orElse("GitHub"), env.integer(P + "ORDER", 0),
                clientId.get(), secret, web, api, users.map(Env::list).orElse(List.of()),
                env.list(P + "ALLOWED_ORGS", List.of()), env.list(P + "ALLOWED_TEAMS", List.of()),
                env.commaList(P + "ADMIN_VALUES"), env.bool(P + "TRUST_EMAIL", false),
                env.bool(P + "REQUIRE_VERIFIED_EMAIL", false), redirect));
    }

    /** A misspelt setting ({@code GATEHOUSE_GITHUB_ALLOWED_ORG}) would silently let more people in: refuse it. */
    private static void refuseUnknownSettings(Env env) {
        for (String key : env.all().keySet()) {
            if (key.startsWith(P) && !KEYS.contains(key.substring(P.length()))) {
                throw new ConfigException(key + " is not a GitHub setting; the settings are " + P + "{"
                        + String.join(",", KEYS) + "}.");
            }
        }
    }

    private static Optional<String> agree(Env env, String key, String alias, String fileKey, Optional<String> fromFile) {
        Map<String, Optional<String>> sources = new LinkedHashMap<>();
        sources.put(P + key, env.get(P + key));
        sources.put(alias, env.get(alias));
        sources.put(fileKey.isEmpty() ? "llms.py's file" : fileKey, fromFile);
        return Env.agree(sources);
    }
}
