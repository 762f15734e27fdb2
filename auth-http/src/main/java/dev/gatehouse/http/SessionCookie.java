package dev.gatehouse.http;

import dev.gatehouse.core.model.Session;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The browser's hold on a session, never readable by scripts (HttpOnly), not sent on cross-site
 * sub-requests (SameSite=Lax). Over TLS (directly, or as a trusted proxy says) it is
 * {@code __Host-gatehouse_session}: Secure, Path=/, no Domain, which browsers only accept from a
 * secure origin and never let a sibling subdomain or a plain-HTTP page set or overwrite. Over
 * plain HTTP (local use) it is {@code gatehouse_session}. Over TLS only the {@code __Host-} name is
 * read: the plain one is exactly what a sibling subdomain or anyone on the network can plant (their
 * own session, to sign a browser in as them), so accepting it would undo the prefix; a session made
 * before the prefix signs in once more. Signing out clears both names.
 */
final class SessionCookie {

    /** The plain name, over HTTP, and the name sessions from before the prefix carry. */
    static final String NAME = "gatehouse_session";
    /** The name over TLS. */
    static final String HOST_NAME = "__Host-" + NAME;

    private SessionCookie() {
    }

    /** The session token: over TLS ({@code secure}) only from {@code __Host-gatehouse_session}. */
    static Optional<String> token(HttpRequest<?> request, boolean secure) {
        Optional<String> prefixed = token(request, HOST_NAME);
        return secure ? prefixed : prefixed.or(() -> token(request, NAME));
    }

    /** The non-blank value of the cookie {@code name}, if the request carries one. */
    static Optional<String> token(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** The cookie lives as long as the session may at most: its remaining absolute lifetime. */
    static Cookie issue(String token, Session session, boolean secure, Clock clock) {
        return lasting(base(secure ? HOST_NAME : NAME, token, secure), session, clock);
    }

    /** {@code cookie} with the remaining absolute lifetime of {@code session} as its max age. */
    static Cookie lasting(Cookie cookie, Session session, Clock clock) {
        Duration remaining = Duration.between(clock.instant(), session.expiresAt());
        return cookie.maxAge(Math.max(0, remaining.toSeconds()));
    }

    /** Clears the session cookie: over TLS both names (one may be left from before the prefix). */
    static Set<Cookie> clear(boolean secure) {
        Cookie plain = base(NAME, "", secure).maxAge(0);
        return secure ? Set.of(base(HOST_NAME, "", true).maxAge(0), plain) : Set.of(plain);
    }

    private static Cookie base(String name, String value, boolean secure) {
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secure);
    }
}
