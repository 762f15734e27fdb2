package dev.gatehouse.http.web;

import io.micronaut.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A request's path and query as a log line may show them: still percent-encoded (so a path can
 * write no line breaks or terminal escapes into the log), and the value of every query
 * parameter whose name suggests a secret ({@code code}, {@code token}, {@code invite},
 * {@code state}, ...) replaced by {@code ***}. Gatehouse takes no secret in a query, but a
 * client may still send one there, and a log is read by more people than the secret's owner.
 */
public final class LoggedTarget {

    /** Parts of parameter names whose values are not logged. */
    static final List<String> SECRET_NAMES = List.of("code", "token", "key", "invite", "pass", "secret", "state",
            "session", "auth", "sig", "otp", "cookie", "credential");
    private static final int LONGEST = 512;
    private static final int BARE = 16;

    private LoggedTarget() {
    }

    /** {@code /path?name=value&code=***}, at most 512 characters. */
    public static String of(HttpRequest<?> request) {
        String path = request.getUri().getRawPath();
        String query = request.getUri().getRawQuery();
        String target = (path == null || path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + redacted(query));
        return target.length() <= LONGEST ? target : target.substring(0, LONGEST) + "...";
    }

    static String redacted(String query) {
        StringBuilder out = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (equals < 0) {
                out.append(name.length() > BARE ? "***" : name); // a long bare word may be a key pasted on its own
            } else {
                out.append(name).append('=').append(secret(name) ? "***" : pair.substring(equals + 1));
            }
        }
        return out.toString();
    }

    private static boolean secret(String name) {
        String lower;
        try {
            lower = URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            return true;
        }
        return SECRET_NAMES.stream().anyMatch(lower::contains);
    }
}
