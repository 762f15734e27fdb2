package dev.gatehouse.http.web;

import dev.gatehouse.http.config.ServerSettings;
import java.nio.charset.StandardCharsets;

/** Links the pages make: avatar URLs for any username, and the only places a sign-in may go next. */
public final class PageLinks {

    /** Where a signed-in person lands when nothing else is asked for. */
    public static final String HOME = "/account";

    private PageLinks() {
    }

    /** The avatar of {@code username}: an uploaded image or a generated initial. */
    public static String avatar(String username) {
        return "/api/users/" + segment(username) + "/avatar";
    }

    /**
     * {@code next} if it is a path on this site, else {@link #HOME}. "//host" and "/\host" are
     * refused: browsers read both as another site; so are control characters (CR/LF would split a
     * header) and paths over 2048 characters. What passes comes back as a valid URI reference, so
     * a Location header can always carry it: spaces, non-ASCII letters and other characters a URI
     * may not hold are percent-encoded (as UTF-8), a {@code %} that starts no escape becomes
     * {@code %25}, and escapes already there (such as {@code %2F}) stay as they are.
     */
    public static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.charAt(0) != '/' || next.length() > 2048) {
            return HOME;
        }
        if (next.startsWith("//") || next.startsWith("/\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return HOME;
        }
        return uriReference(next);
    }

    /**
     * As {@link #safeNext(String)}, and with a sign-in portal ({@link Portal}) also an absolute
     * URL of a host the session cookie reaches: {@code http(s)://host[:port]/path?query} whose host
     * is the portal's, the cookie domain or under it, or an {@code --allowed-host}; https only when
     * the portal is https. No user info, backslash, percent-escape, control character or other
     * character in the scheme, host and port, and nothing but an ASCII host name there: what a
     * browser might read differently from us ({@code https://evil.net\@ai.example.com},
     * {@code https://ai.example.com%2F@evil.net}) is refused, falling back to the path rule (so to
     * {@link #HOME}). What passes comes back rebuilt from the parts read, path and query escaped as
     * for a path, without a fragment.
     */
    public static String safeNext(String next, ServerSettings settings) {
        if (next == null || !settings.portal().active() || next.length() > 2048) {
            return safeNext(next);
        }
        java.util.regex.Matcher absolute = ABSOLUTE.matcher(next);
        if (!absolute.matches()) {
            return safeNext(next);
        }
        String scheme = absolute.group(1).toLowerCase(java.util.Locale.ROOT);
        String host = absolute.group(2).toLowerCase(java.util.Locale.ROOT);
        String port = absolute.group(3) == null ? "" : absolute.group(3);
        String rest = absolute.group(4) == null ? "/" : absolute.group(4);
        int fragment = rest.indexOf('#');
        rest = fragment < 0 ? rest : rest.substring(0, fragment);
        if (settings.portal().https() && !scheme.equals("https")
                || rest.indexOf('\\') >= 0 || rest.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || !settings.portal().returnsTo(host, settings.allowedHosts())
                || !port.isEmpty() && (port.length() > 6 || Integer.parseInt(port.substring(1)) > 65535)) {
            return HOME;
        }
        return scheme + "://" + host + port + uriReference(rest.isEmpty() ? "/" : rest);
    }

    /**
     * Scheme, host name (letters, digits, dots, dashes; labels not starting or ending with a dash),
     * optional port, then nothing or a path, query or fragment: the authority ends at the first
     * {@code /}, {@code ?} or {@code #}, as in every browser, so '@', '\', '%' or ':' anywhere before
     * that fail the match.
     */
    private static final java.util.regex.Pattern ABSOLUTE = java.util.regex.Pattern.compile(
            "(?i)(https?)://([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(:[0-9]{1,5})?([/?#].*)?",
            java.util.regex.Pattern.DOTALL);

    /** RFC 3986's unreserved characters, sub-delimiters and path and query separators; not '#' (never sent). */
    private static final String ALLOWED =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/?";

    /** Keeps what a URI may hold and existing {@code %XX} escapes; escapes every other byte of the UTF-8 text. */
    private static String uriReference(String text) {
        StringBuilder out = new StringBuilder(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2]);
            if (escape || c < 0x80 && c != '%' && ALLOWED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean hex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }

    /** Percent-encodes one path segment: everything but RFC 3986's unreserved characters. */
    public static String segment(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
