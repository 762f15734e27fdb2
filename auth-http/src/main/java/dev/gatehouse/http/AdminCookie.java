package dev.gatehouse.http;

import dev.gatehouse.core.model.Session;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * While an administrator acts as a user, their own session waits in {@code gatehouse_admin_session}:
 * HttpOnly, SameSite=Strict, sent only to the route that stops impersonating, so no other request
 * carries two sessions.
 */
final class AdminCookie {

    static final String NAME = "gatehouse_admin_session";

    private AdminCookie() {
    }

    static Optional<String> token(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** Lives as long as the administrator's session may. */
    static Cookie keep(String token, Session adminSession, boolean secure, Clock clock) {
        Duration remaining = Duration.between(clock.instant(), adminSession.expiresAt());
        return base(token, secure).maxAge(Math.max(0, remaining.toSeconds()));
    }

    static Cookie clear(boolean secure) {
        return base("", secure).maxAge(0);
    }

    private static Cookie base(String value, boolean secure) {
        return Cookie.of(NAME, value).path(ImpersonationController.STOP_PATH).httpOnly(true)
                .sameSite(SameSite.Strict).secure(secure);
    }
}
