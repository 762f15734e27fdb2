package dev.gatehouse.http;

import dev.gatehouse.core.model.Session;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The browser's hold on a session: {@code gatehouse_session}, never readable by scripts
 * (HttpOnly), not sent on cross-site sub-requests (SameSite=Lax), TLS-only when the request was.
 */
final class SessionCookie {

    static final String NAME = "gatehouse_session";

    private SessionCookie() {
    }

    static Optional<String> token(HttpRequest<?> request) {
        return token(request, NAME);
    }

    /** The non-blank value of the cookie {@code name}, if the request carries one. */
    static Optional<String> token(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** The cookie lives as long as the session may at most: its remaining absolute lifetime. */
    static Cookie issue(String token, Session session, boolean secure, Clock clock) {
        return lasting(base(token, secure), session, clock);
    }

    /** {@code cookie} with the remaining absolute lifetime of {@code session} as its max age. */
    static Cookie lasting(Cookie cookie, Session session, Clock clock) {
        Duration remaining = Duration.between(clock.instant(), session.expiresAt());
        return cookie.maxAge(Math.max(0, remaining.toSeconds()));
    }

    static Cookie clear(boolean secure) {
        return base("", secure).maxAge(0);
    }

    private static Cookie base(String value, boolean secure) {
        return Cookie.of(NAME, value).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secure);
    }
}
