package dev.gatehouse.http.api.identities;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One browser for the provider round trips: it follows redirects by hand and keeps the cookies
 * Gatehouse sets (by name; the provider's own are not needed: mock-oauth2-server signs in
 * whoever the test enqueued).
 */
final class ProviderBrowser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String gatehouse;
    final Map<String, String> cookies = new LinkedHashMap<>();

    ProviderBrowser(String gatehouse) {
        this.gatehouse = gatehouse;
    }

    /** GET with this browser's cookies (to Gatehouse only), as a page view. */
    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(absolute(url)).GET());
    }

    /** POST from Gatehouse's own page (Origin set), as a form's button sends it. */
    HttpResponse<String> post(String url) {
        return send(HttpRequest.newBuilder(absolute(url)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Origin", gatehouse));
    }

    /** Follows redirects from {@code first} until an answer leaves the provider for good or is no redirect; returns the last. */
    HttpResponse<String> follow(HttpResponse<String> first) {
        HttpResponse<String> answer = first;
        for (int hops = 0; hops < 10 && answer.statusCode() / 100 == 3; hops++) {
            String location = answer.headers().firstValue("Location").orElseThrow();
            if (location.startsWith("/") && !location.startsWith("/auth/")) {
                return answer; // back on a Gatehouse page: where it lands is what the tests look at
            }
            answer = get(answer.uri().resolve(location).toString());
        }
        return answer;
    }

    /** Starts at Gatehouse's {@code path} and follows the round trip to where it lands. */
    HttpResponse<String> signIn(String path) {
        return follow(get(path));
    }

    /** The provider's redirect back to Gatehouse, not followed: {@code /auth/NAME/callback?code=...}. */
    String callbackFrom(String startPath) {
        HttpResponse<String> start = get(startPath);
        HttpResponse<String> atProvider = get(start.headers().firstValue("Location").orElseThrow());
        return atProvider.headers().firstValue("Location").orElseThrow();
    }

    String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private URI absolute(String url) {
        return URI.create(url.startsWith("/") ? gatehouse + url : url);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        boolean ours = request.build().uri().toString().startsWith(gatehouse);
        request.header("Accept", "text/html");
        if (ours && !cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (ours) {
                answer.headers().allValues("Set-Cookie").forEach(this::keep);
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('=')).strip();
        String value = pair.substring(pair.indexOf('=') + 1).strip();
        if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
