package dev.gatehouse.http.forwardauth;

import dev.gatehouse.http.web.PageLinks;

/**
 * How a username travels to the AI server in headers, which carry only ASCII safely (a name's
 * characters above U+00FF would become '?', so 日本 and 中国 would both arrive as "??").
 * {@code X-Gatehouse-User} keeps a plain name as it is, for the servers that already read it, and
 * carries any other name percent-encoded (UTF-8, as RFC 8187's value characters). A plain name is
 * printable ASCII without '%', and every encoded name contains '%', so no two users' headers are
 * ever equal. {@code X-Gatehouse-User-Encoded} is always percent-encoded: one rule to decode for
 * every name.
 */
final class UserHeader {

    private UserHeader() {
    }

    /** The name itself when it is printable ASCII without '%'; else {@link #encoded}. */
    static String plainOrEncoded(String name) {
        boolean plain = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '%');
        return plain ? name : encoded(name);
    }

    /** The name's UTF-8 bytes, each but RFC 3986's unreserved characters written as %XX (upper case). */
    static String encoded(String name) {
        return PageLinks.segment(name);
    }
}
