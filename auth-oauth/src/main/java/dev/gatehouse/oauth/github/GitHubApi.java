package dev.gatehouse.oauth.github;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.core.port.out.IdentityProvider.Failure;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.GitHubSettings;
import dev.gatehouse.oauth.flow.Refusal;
import dev.gatehouse.oauth.flow.Text;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few GitHub calls a sign-in needs, each with the timeouts: the code for a token at
 * {@code WEB/login/oauth/access_token}, then {@code API/user}, {@code /user/emails},
 * {@code /user/orgs}, {@code /user/teams} and {@code /orgs/ORG/members/LOGIN}. Answers are parsed
 * as GitHub documents them; a GitHub that does not answer in time is {@code UNAVAILABLE}.
 */
final class GitHubApi {

    /** The most of one answer that is read. */
    static final int MAX_ANSWER = 1024 * 1024;

    private final GitHubSettings settings;
    private final FlowSettings flow;
    private final HttpClient http;

    GitHubApi(GitHubSettings settings, FlowSettings flow) {
        this.settings = settings;
        this.flow = flow;
        this.http = HttpClient.newBuilder().connectTimeout(flow.connectTimeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The access token for {@code code}; GitHub answers errors with 200 and an {@code error} field. */
    String accessToken(String code, URI redirectUri, String codeVerifier) throws Refusal {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret().reveal());
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", codeVerifier);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.webUrl() + "/login/oauth/access_token"))
                .timeout(flow.readTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", "Gatehouse")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Response response = send(request);
        unavailableOn5xx(response);
        Map<String, Object> answer = object(response.body());
        Object token = answer.get("access_token");
        if (token instanceof String t && !t.isEmpty()) {
            return t;
        }
        String error = answer.get("error") instanceof String e ? Text.clean(e) : "HTTP " + response.status();
        if (error.equals("bad_verification_code")) {
            throw new Refusal(Failure.CODE_REJECTED, "GitHub refused the sign-in code (it may have been used already or"
                    + " expired); start again from the sign-in page.");
        }
        throw new Refusal(Failure.PROVIDER_ERROR, "GitHub refused to finish the sign-in (" + error + ").");
    }

    /** {@code GET API/path} as the person; {@code null} body for 404 and redirects. */
    Response get(String token, String path) throws Refusal {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + path))
                .timeout(flow.readTimeout())
                .header("Accept", "application/vnd.github+json")
                .header("Authorization", "Bearer " + token)
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "Gatehouse")
                .GET()
                .build();
        Response response = send(request);
        unavailableOn5xx(response);
        return response;
    }

    /** An answer from the API. */
    record Response(int status, String body) {
        boolean ok() {
            return status == 200;
        }
    }

    static Map<String, Object> object(String json) throws Refusal {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new Refusal(Failure.PROVIDER_ERROR, "GitHub answered with something that is not JSON.");
        }
    }

    static List<Object> array(String json) throws Refusal {
        try {
            return JSONArrayUtils.parse(json);
        } catch (ParseException e) {
            throw new Refusal(Failure.PROVIDER_ERROR, "GitHub answered with something that is not a JSON list.");
        }
    }

    /**
     * The answer, read up to {@value #MAX_ANSWER} bytes: GitHub's largest (100 teams) is far below,
     * and a GitHub Enterprise Server gone wrong must not fill our memory.
     */
    private Response send(HttpRequest request) throws Refusal {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_ANSWER + 1);
            }
            if (body.length > MAX_ANSWER) {
                throw new Refusal(Failure.PROVIDER_ERROR, "GitHub's answer was too large (over " + MAX_ANSWER / 1024
                        + " KiB); try again later.");
            }
            return new Response(response.statusCode(), new String(body, StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new Refusal(Failure.UNAVAILABLE, "GitHub did not answer in time; try again in a minute.");
        } catch (IOException e) {
            throw new Refusal(Failure.UNAVAILABLE, "GitHub could not be reached (" + e.getClass().getSimpleName()
                    + "); try again in a minute.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Failure.UNAVAILABLE, "The sign-in with GitHub was interrupted; try again.");
        }
    }

    private static void unavailableOn5xx(Response response) throws Refusal {
        if (response.status() >= 500) {
            throw new Refusal(Failure.UNAVAILABLE, "GitHub had a problem (HTTP " + response.status()
                    + "); try again in a minute.");
        }
    }
}
