package dev.gatehouse.http.forwardauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * The path of a forwarded URI as a server would route it, for the route table: the query and any
 * {@code scheme://host} dropped, a {@code #} kept in the path (a request line carries no fragment),
 * %-escapes decoded (an encoded slash counts as one), backslashes read as slashes, empty and
 * {@code .} segments removed and {@code ..} applied, no trailing slash. Only ever more rules match
 * this than the raw text, never fewer.
 */
final class ForwardedPath {

    /** A URI that starts with {@code scheme://}: its host goes before the path. */
    private static final Pattern ABSOLUTE = Pattern.compile("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*");

    private ForwardedPath() {
    }

    static String of(String uri) {
        int query = uri.indexOf('?');
        // A '#' is not cut off as a fragment: a request line never carries one, and Go's servers keep it in the
        // path, so "/v1/models#/../images/generations" is routed (by a server that applies "..") to images.
        String path = query < 0 ? uri : uri.substring(0, query);
        if (ABSOLUTE.matcher(path).matches()) {
            int slash = path.indexOf('/', path.indexOf("://") + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            decoded = path;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.replace('\\', '/').split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }
}
