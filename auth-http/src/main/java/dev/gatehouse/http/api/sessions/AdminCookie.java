package dev.gatehouse.http.api.sessions;

import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.http.web.SessionCookie;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * While an administrator acts as a user, their own session waits in {@code gatehouse_admin_session}:
 * HttpOnly, SameSite=Strict, sent only to the route that stops impersonating, so no other request
 * carries two sessions. Over TLS it is {@code __Secure-gatehouse_admin_session} (browsers accept
 * it only from a secure origin; {@code __Host-} would need Path=/, which would send it everywhere).
 * Over TLS only that name is read, as with {@link SessionCookie}.
 */
public final class AdminCookie {

    public static final String NAME = "gatehouse_admin_session";
    /** The name over TLS. */
    static final String SECURE_NAME = "__Secure-" + NAME;

    private AdminCookie() {
    }

    static Optional<String> token(HttpRequest<?> request, boolean secure) {
        Optional<String> prefixed = SessionCookie.token(request, SECURE_NAME);
        return secure ? prefixed : prefixed.or(() -> SessionCookie.token(request, NAME));
    }

    /** Lives as long as the administrator's session may. */
    static Cookie keep(String token, Session adminSession, boolean secure, Clock clock) {
        return SessionCookie.lasting(base(secure ? SECURE_NAME : NAME, token, secure), adminSession, clock);
    }

    /** Clears the cookie, over TLS under both names. */
    static Set<Cookie> clear(boolean secure) {
        Cookie plain = base(NAME, "", secure).maxAge(0);
        return secure ? Set.of(base(SECURE_NAME, "", true).maxAge(0), plain) : Set.of(plain);
    }

    private static Cookie base(String name, String value, boolean secure) {
        return Cookie.of(name, value).path(ImpersonationController.STOP_PATH).httpOnly(true)
                .sameSite(SameSite.Strict).secure(secure);
    }
}
