package dev.gatehouse.http;

import java.nio.charset.StandardCharsets;

/** Links the pages make: avatar URLs for any username, and the only places a sign-in may go next. */
final class PageLinks {

    /** Where a signed-in person lands when nothing else is asked for. */
    static final String HOME = "/account";

    private PageLinks() {
    }

    /** The avatar of {@code username}: an uploaded image or a generated initial. */
    static String avatar(String username) {
        return "/api/users/" + segment(username) + "/avatar";
    }

    /**
     * {@code next} if it is a path on this site, else {@link #HOME}. "//host" and "/\host" are
     * refused: browsers read both as another site.
     */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.charAt(0) != '/' || next.length() > 2048) {
            return HOME;
        }
        if (next.startsWith("//") || next.startsWith("/\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return HOME;
        }
        return next;
    }

    /** Percent-encodes one path segment: everything but RFC 3986's unreserved characters. */
    static String segment(String text) {
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
