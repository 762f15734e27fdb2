package dev.gatehouse.http;

import dev.gatehouse.core.model.Session;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Clock;
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
        return SessionCookie.token(request, NAME);
    }

    /** Lives as long as the administrator's session may. */
    static Cookie keep(String token, Session adminSession, boolean secure, Clock clock) {
        return SessionCookie.lasting(base(token, secure), adminSession, clock);
    }

    static Cookie clear(boolean secure) {
        return base("", secure).maxAge(0);
    }

    private static Cookie base(String value, boolean secure) {
        return Cookie.of(NAME, value).path(ImpersonationController.STOP_PATH).httpOnly(true)
                .sameSite(SameSite.Strict).secure(secure);
    }
}
