package dev.gatehouse.oauth.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The browser's part of a round trip, in plain HTTP: it goes to the provider's authorization
 * address and, where a person would sign in, the provider sends it straight back; the test reads
 * the redirect's query as the callback the application would receive.
 */
public final class Browser {

    private Browser() {
    }

    /** Follows {@code location} once and answers the query of where the provider sends the browser back to. */
    public static Map<String, String> visit(URI location) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) location.toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(5000);
        int status = connection.getResponseCode();
        String back = connection.getHeaderField("Location");
        connection.disconnect();
        if (status / 100 != 3 || back == null) {
            throw new IOException("expected a redirect back, got HTTP " + status);
        }
        return query(URI.create(back));
    }

    /** The decoded query parameters of {@code uri} (the last of repeated names). */
    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
