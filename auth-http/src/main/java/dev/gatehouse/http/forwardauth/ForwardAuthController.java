package dev.gatehouse.http.forwardauth;

import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.port.in.Authorize;
import dev.gatehouse.http.access.CallerLookup;
import dev.gatehouse.http.access.CallerLookup.Found;
import dev.gatehouse.http.access.CallerLookup.Known;
import dev.gatehouse.http.access.CallerLookup.Throttled;
import dev.gatehouse.http.access.ChecksItself;
import dev.gatehouse.http.access.MemoryFirst;
import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.http.config.Portal;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.PageLinks;
import dev.gatehouse.http.web.SameOrigin;
import dev.gatehouse.http.web.TooManyAttempts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /auth/verify}: forward authentication for a reverse proxy in front of other servers
 * (nginx {@code auth_request}, Traefik {@code ForwardAuth}, Caddy {@code forward_auth}). A valid
 * key or session cookie gets 200 with {@code X-Gatehouse-User}, {@code X-Gatehouse-User-Encoded}
 * ({@link UserHeader} says how a name is written) and {@code X-Gatehouse-Roles}; a request whose
 * original method or URI is described ambiguously ({@link ForwardedOrigin}) 400; anything else 401, and a browser opening a page also {@code X-Gatehouse-Login}, where the proxy
 * should send it. A caller who may not use one of the request's features or models gets 403 naming
 * it ({@link ForwardedRequest} says which they are; every one must be allowed). {@code POST} with the original body (Traefik's
 * {@code forwardBody}) lets the model be read from it. Answered on the event loop when no store
 * is needed ({@link MemoryFirst}), like the rest of the access layer. An address that sent too many
 * wrong keys gets 429 with {@code Retry-After} for any key ({@link CallerLookup}). Public, and
 * {@link ChecksItself}: the access layer leaves the caller to this route.
 */
@JsonApi
@Controller(ForwardAuthController.PATH)
@PublicRoute
@ChecksItself
class ForwardAuthController {

    /** Forward authentication for reverse proxies. */
    static final String PATH = "/auth/verify";

    static final String USER = "X-Gatehouse-User";
    static final String USER_ENCODED = "X-Gatehouse-User-Encoded";
    static final String ROLES = "X-Gatehouse-Roles";
    static final String LOGIN = "X-Gatehouse-Login";
    private static final String ADMIN_AND_USER = Role.ADMIN.label() + "," + Role.USER.label();
    private static final String USER_ONLY = Role.USER.label();

    private final CallerLookup lookup;
    private final ServerSettings settings;
    private final MemoryFirst memoryFirst;
    private final ForwardedRequest forwarded;
    private final RequestRights rights;

    ForwardAuthController(CallerLookup lookup, ServerSettings settings, MemoryFirst memoryFirst,
                          ForwardedRequest forwarded, RequestRights rights) {
        this.lookup = lookup;
        this.settings = settings;
        this.memoryFirst = memoryFirst;
        this.forwarded = forwarded;
        this.rights = rights;
    }

    /** Any Accept: the proxy passes the browser's, and the answer is for the proxy, not for it. */
    @Get
    @Produces(MediaType.ALL)
    @IdentityHeaders
    CompletableFuture<HttpResponse<?>> verify(HttpRequest<?> request) {
        return verify(request, null);
    }

    /** The same check with the original request's body, whatever its type, so its {@code model} field counts. */
    @Post
    @Consumes(MediaType.ALL)
    @Produces(MediaType.ALL)
    @IdentityHeaders
    CompletableFuture<HttpResponse<?>> verifyWithBody(HttpRequest<?> request, @Body @Nullable byte[] body) {
        return verify(request, body);
    }

    /**
     * Checked on the event loop when memory can answer; else on a blocking thread, going on from
     * what the first try found (the caller, the body's models) rather than finding it again.
     */
    private CompletableFuture<HttpResponse<?>> verify(HttpRequest<?> request, @Nullable byte[] body) {
        return memoryFirst.answer(new Check(request, body)::answer);
    }

    /** One forwarded request's check; each step's result is kept once found, so the blocking try goes on from there. */
    private final class Check {

        private final HttpRequest<?> request;
        @Nullable
        private final byte[] body;
        private ForwardedOrigin origin;
        private Found found;
        private ForwardedRequest.Wanted wanted;

        Check(HttpRequest<?> request, @Nullable byte[] body) {
            this.request = request;
            this.body = body;
        }

        /** The answer; without {@code mayBlock} empty when only the store can give it. */
        Optional<HttpResponse<?>> answer(boolean mayBlock) {
            if (origin == null) {
                try {
                    // First, for every caller: an ambiguous description of the original request is never judged.
                    origin = ForwardedOrigin.of(request);
                } catch (IllegalArgumentException ambiguous) {
                    return Optional.of(ApiError.badRequest(ambiguous.getMessage()).contentType(MediaType.APPLICATION_JSON_TYPE));
                }
            }
            if (found == null) {
                Optional<Found> looked = lookup.find(request, mayBlock);
                if (looked.isEmpty()) {
                    return Optional.empty();
                }
                found = looked.get();
            }
            if (found instanceof Throttled throttled) {
                return Optional.of(TooManyAttempts.wrongKeys(throttled.retryAfter()).contentType(MediaType.APPLICATION_JSON_TYPE));
            }
            Optional<Caller> caller = found instanceof Known known ? Optional.of(known.caller()) : Optional.empty();
            if (caller.isEmpty()) {
                return Optional.of(ForwardAuthController.this.answer(request, origin, caller));
            }
            // The CSRF baseline of Gatehouse's own API, for the AI server's: a session cookie goes along
            // with a same-site page's requests (SameSite=Lax), so the page must be of this site.
            if (caller.get().key().isEmpty() && caller.get().session().isPresent() && fromAnotherPage(request, origin)) {
                return Optional.of(ApiError.response(HttpStatus.FORBIDDEN, "csrf", "A page of another site sent this"
                        + " request with a Gatehouse session; only this site's own pages may (programs use an API key).")
                        .header(RequestRights.REFUSED, "origin").contentType(MediaType.APPLICATION_JSON_TYPE));
            }
            if (wanted == null) {
                try {
                    wanted = forwarded.wanted(request, origin, body);
                } catch (IllegalArgumentException invalid) {
                    return Optional.of(ApiError.badRequest(invalid.getMessage()).contentType(MediaType.APPLICATION_JSON_TYPE));
                }
            }
            Optional<Authorize.Decision> decision = rights.decide(caller.get(), wanted, mayBlock);
            if (decision.isEmpty()) {
                return Optional.empty();
            }
            if (decision.get() instanceof Authorize.Denied denied) {
                return Optional.of(RequestRights.denied(denied).contentType(MediaType.APPLICATION_JSON_TYPE));
            }
            return Optional.of(ForwardAuthController.this.answer(request, origin, caller));
        }
    }

    private HttpResponse<?> answer(HttpRequest<?> request, ForwardedOrigin origin, Optional<Caller> caller) {
        if (caller.isPresent()) {
            String name = caller.get().user().username().value();
            return HttpResponse.ok().header(USER, UserHeader.plainOrEncoded(name)).header(USER_ENCODED, UserHeader.encoded(name))
                    .header(ROLES, rolesHeader(caller.get().user()));
        }
        MutableHttpResponse<ApiError> refused = ApiError.unauthenticated().contentType(MediaType.APPLICATION_JSON_TYPE);
        return pageView(request, origin) ? refused.header(LOGIN, loginUrl(origin, settings)) : refused;
    }

    /**
     * True if a page of another origin sent the original request: its {@code Origin} (sent more than
     * once, or {@code null}, counts as another) names a site other than the one the proxy says the
     * request was for ({@code X-Forwarded-Host}, else {@code Host}; an https page if {@code X-Forwarded-Proto} says https).
     * Without an {@code Origin} (a program, a browser opening a page) nothing is known, and it is not.
     */
    static boolean fromAnotherPage(HttpRequest<?> request, ForwardedOrigin origin) {
        List<String> pages = request.getHeaders().getAll("Origin");
        if (pages.isEmpty()) {
            return false;
        }
        Optional<String> site = origin.host().or(() -> request.getHeaders().get("Host", String.class));
        // Only an https site asks for an https page: a proxy behind a TLS terminator may say http for https pages.
        Optional<String> scheme = origin.proto().filter("https"::equalsIgnoreCase);
        return pages.size() > 1 || site.isEmpty() || !SameOrigin.pageOf(pages.get(0), site.get(), scheme);
    }

    /** {@code Admin,User} or {@code User}: the roles, sorted, as the header carries them. */
    static String rolesHeader(User user) {
        return user.isAdmin() ? ADMIN_AND_USER : USER_ONLY;
    }

    /**
     * True when the proxied request is a browser opening a page: a GET (or HEAD) as the proxy says
     * (a proxy that does not say sends only GETs here) that accepts HTML.
     */
    static boolean pageView(HttpRequest<?> request, ForwardedOrigin origin) {
        String method = origin.method();
        boolean html = request.getHeaders().getAll("Accept").stream()
                .anyMatch(accept -> accept.toLowerCase(Locale.ROOT).contains("text/html"));
        return (method.equals("GET") || method.equals("HEAD")) && html;
    }

    /**
     * {@code /login}, with {@code next} the original path when it is one on this site (never another
     * site). With a sign-in portal ({@link Portal}) the portal's {@code /login}, absolute, with
     * {@code next} the original URL: {@code X-Forwarded-Proto} (else the portal's scheme),
     * {@code X-Forwarded-Host} and the URI, when sign-in would go back there
     * ({@link PageLinks#safeNext(String, ServerSettings)} keeps it as it is); else without {@code next}.
     */
    static String loginUrl(ForwardedOrigin origin, ServerSettings settings) {
        Portal portal = settings.portal();
        if (!portal.active()) {
            return origin.uri().filter(uri -> PageLinks.safeNext(uri).equals(uri))
                    .map(uri -> "/login?next=" + URLEncoder.encode(uri, StandardCharsets.UTF_8))
                    .orElse("/login");
        }
        String scheme = origin.proto().map(p -> p.toLowerCase(Locale.ROOT)).orElse(portal.https() ? "https" : "http");
        Optional<String> original = origin.host().flatMap(host -> origin.uri().filter(uri -> uri.startsWith("/"))
                .map(uri -> scheme + "://" + host + uri))
                .filter(url -> PageLinks.safeNext(url, settings).equals(url));
        String login = portal.loginUrl().orElseThrow();
        return original.map(url -> login + "?next=" + URLEncoder.encode(url, StandardCharsets.UTF_8)).orElse(login);
    }
}
