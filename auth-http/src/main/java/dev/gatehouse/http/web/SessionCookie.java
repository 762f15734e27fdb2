package dev.gatehouse.http.web;

import dev.gatehouse.core.model.sessions.Session;
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
 * plain HTTP (local use) it is {@code gatehouse_session}. Over TLS only the prefixed names are
 * read: the plain one is exactly what a sibling subdomain or anyone on the network can plant (their
 * own session, to sign a browser in as them), so accepting it would undo the prefix; a session made
 * before the prefix signs in once more. Over plain HTTP both are read, the {@code __Host-} one
 * first. Signing out clears every name.
 *
 * <p>With a cookie domain ({@link Portal}: Gatehouse on {@code auth.example.com}, the AI server on
 * {@code ai.example.com}) the cookie carries {@code Domain=example.com}, so the browser sends it to
 * the AI server's host too, where the proxy's check reads it. {@code __Host-} forbids a Domain, so
 * over TLS it is then {@code __Secure-gatehouse_session} (Secure, accepted only from a secure
 * origin; a sibling host under the domain could still set one, which is why every host there must
 * be trusted), and over plain HTTP {@code gatehouse_session}. That name is read first, then the
 * host-only ones, which signing in also clears, so a session from before the setting neither
 * shadows the new one nor lingers. Without a cookie domain {@code __Secure-gatehouse_session} is
 * never read: any sibling host could set it.
 */
public final class SessionCookie {

    /** The plain name, over HTTP, and the name sessions from before the prefix carry. */
    public static final String NAME = "gatehouse_session";
    /** The name over TLS. */
    static final String HOST_NAME = "__Host-" + NAME;
    /** The name over TLS with a cookie domain ({@code __Host-} cannot carry one). */
    static final String SECURE_NAME = "__Secure-" + NAME;

    /** How the session cookie is set for one request: Secure or not, and for which domain (none: host-only). */
    public record Scope(boolean secure, Optional<String> domain) {

        /** Host-only, as before cookie domains. */
        static Scope hostOnly(boolean secure) {
            return new Scope(secure, Optional.empty());
        }
    }

    private SessionCookie() {
    }

    /**
     * The session token. Over TLS only a prefixed name counts ({@code __Host-}, and with a cookie
     * domain {@code __Secure-} first); over plain HTTP the plain name too.
     */
    public static Optional<String> token(HttpRequest<?> request, Scope scope) {
        Optional<String> prefixed = token(request, HOST_NAME);
        Optional<String> hostOnly = scope.secure() ? prefixed : prefixed.or(() -> token(request, NAME));
        return scope.domain().isPresent() ? token(request, SECURE_NAME).or(() -> hostOnly) : hostOnly;
    }

    /** The non-blank value of the cookie {@code name}, if the request carries one. */
    public static Optional<String> token(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /**
     * The cookie lives as long as the session may at most: its remaining absolute lifetime. With a
     * cookie domain, the host-only cookies a session from before the setting may have left are cleared too.
     */
    public static Set<Cookie> issue(String token, Session session, Scope scope, Clock clock) {
        if (scope.domain().isEmpty()) {
            return Set.of(lasting(base(scope.secure() ? HOST_NAME : NAME, token, scope.secure()), session, clock));
        }
        Cookie cookie = lasting(base(scope.secure() ? SECURE_NAME : NAME, token, scope.secure())
                .domain(scope.domain().get()), session, clock);
        // In this order, the session first: Set-Cookie headers go out as the set iterates.
        Set<Cookie> cookies = new java.util.LinkedHashSet<>();
        cookies.add(cookie);
        cookies.add(base(HOST_NAME, "", true).maxAge(0));
        cookies.add(base(NAME, "", scope.secure()).maxAge(0));
        return cookies;
    }

    /** {@code cookie} with the remaining absolute lifetime of {@code session} as its max age. */
    public static Cookie lasting(Cookie cookie, Session session, Clock clock) {
        Duration remaining = Duration.between(clock.instant(), session.expiresAt());
        return cookie.maxAge(Math.max(0, remaining.toSeconds()));
    }

    /** Clears the session cookie: over TLS both names (one may be left from before the prefix), with a domain its names too. */
    public static Set<Cookie> clear(Scope scope) {
        boolean secure = scope.secure();
        Set<Cookie> cleared = new java.util.LinkedHashSet<>();
        cleared.add(base(NAME, "", secure).maxAge(0));
        if (secure) {
            cleared.add(base(HOST_NAME, "", true).maxAge(0));
        }
        scope.domain().ifPresent(domain -> {
            cleared.add(base(NAME, "", secure).domain(domain).maxAge(0));
            if (secure) {
                cleared.add(base(SECURE_NAME, "", true).domain(domain).maxAge(0));
            }
        });
        return cleared;
    }

    private static Cookie base(String name, String value, boolean secure) {
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(SameSite.Lax).secure(secure);
    }
}
