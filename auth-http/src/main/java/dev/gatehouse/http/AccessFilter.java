package dev.gatehouse.http;

import dev.gatehouse.core.model.Role;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.UserStatus;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.in.ValidateSession.SignedInUser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Deny by default: a request passes only if its route is public ({@link Routes}), or it has a
 * caller — a valid session cookie, a static key in {@code --auth apikey}, anyone in
 * {@code --auth none}. The caller is resolved once here and handed to controllers as a request
 * attribute ({@link #current}). Cookie-authenticated state changes must come from our own
 * origin. Before the first user exists only setup answers. Browsers opening a page get
 * redirects (to sign-in, to setup) instead of JSON errors.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class AccessFilter {

    private static final String CALLER = AccessFilter.class.getName() + ".caller";

    private final ValidateSession validateSession;
    private final ClientFacts client;
    private final SetupMode setupMode;
    private final ServerSettings settings;
    private final StaticApiKeys apiKeys;

    private final ExecutorService blocking;

    AccessFilter(ValidateSession validateSession, ClientFacts client, SetupMode setupMode, ServerSettings settings,
                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
        this.validateSession = validateSession;
        this.client = client;
        this.setupMode = setupMode;
        this.settings = settings;
        this.apiKeys = new StaticApiKeys(settings.apiKeys());
    }

    /** The caller of a request that passed this filter on a non-public route. */
    static Caller current(HttpRequest<?> request) {
        return caller(request)
                .orElseThrow(() -> new IllegalStateException("No caller on " + request.getPath() + "; is it public?"));
    }

    /** The caller, if the filter established one (public routes have none unless a session came along). */
    static Optional<Caller> caller(HttpRequest<?> request) {
        return request.getAttribute(CALLER, Caller.class);
    }

    /**
     * Decides on the event loop when no store is needed (public routes, the built-in callers, a
     * session checked a moment ago that still holds); otherwise on the blocking executor.
     * (A filter's future must carry an Optional: completing with null from another thread ends
     * the request with an empty 503 in Micronaut 4.10.)
     */
    @RequestFilter
    CompletableFuture<Optional<HttpResponse<?>>> check(HttpRequest<?> request) {
        Optional<Optional<HttpResponse<?>>> quick = quick(request);
        if (quick.isPresent()) {
            return CompletableFuture.completedFuture(quick.get());
        }
        return CompletableFuture.supplyAsync(() -> Optional.ofNullable(decide(request)), blocking);
    }

    /** The decision if it needs no store; empty if it does. */
    private Optional<Optional<HttpResponse<?>>> quick(HttpRequest<?> request) {
        if (settings.auth() != AuthMode.AUTO) {
            return Optional.of(Optional.ofNullable(decide(request)));
        }
        if (!setupMode.knownOver()) {
            return Optional.empty();
        }
        Optional<String> token = SessionCookie.token(request);
        if (token.isEmpty()) {
            return Routes.isPublic(request) ? Optional.of(Optional.ofNullable(decide(request))) : Optional.empty();
        }
        Optional<SignedInUser> kept = validateSession.kept(token.get());
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        boolean changesState = Routes.changesState(request.getMethod());
        boolean foreign = request.getHeaders().contains("Origin") && !SameOrigin.check(request);
        return Optional.of(Optional.ofNullable(signedIn(request, kept, changesState, foreign)));
    }

    @Nullable
    private HttpResponse<?> decide(HttpRequest<?> request) {
        boolean changesState = Routes.changesState(request.getMethod());
        boolean foreign = request.getHeaders().contains("Origin") && !SameOrigin.check(request);
        return switch (settings.auth()) {
            case NONE -> admit(request, synthetic("default"), changesState && foreign);
            case APIKEY -> Routes.isPublic(request) ? publicRoute(request, changesState && foreign)
                    : apiKeys.admits(request) ? admit(request, synthetic("apikey"), false) : denied(request);
            case AUTO -> auto(request, changesState, foreign);
        };
    }

    private HttpResponse<?> auto(HttpRequest<?> request, boolean changesState, boolean foreign) {
        if (setupMode.active()) {
            if (Routes.worksDuringSetup(request)) {
                return publicRoute(request, changesState && foreign);
            }
            return Routes.isPageView(request) ? HttpResponse.seeOther(java.net.URI.create("/setup"))
                    : ApiError.response(HttpStatus.SERVICE_UNAVAILABLE, "setup_required",
                            "Gatehouse has no users yet. Open /setup with the code the server printed, or run"
                                    + " 'gatehouse user add admin' on the server.");
        }
        Optional<SignedInUser> signedIn = SessionCookie.token(request).flatMap(validateSession::validate);
        return signedIn(request, signedIn, changesState, foreign);
    }

    @Nullable
    private HttpResponse<?> signedIn(HttpRequest<?> request, Optional<SignedInUser> signedIn, boolean changesState,
                                     boolean foreign) {
        if (Routes.isPublic(request)) {
            // Pages such as /login want to know who is already signed in.
            signedIn.ifPresent(s -> remember(request, s));
            return publicRoute(request, changesState && foreign);
        }
        if (signedIn.isEmpty()) {
            return denied(request);
        }
        if (changesState && !SameOrigin.check(request)) {
            return ApiError.csrf();
        }
        Caller caller = remember(request, signedIn.get());
        return adminCheck(request, caller);
    }

    private Caller remember(HttpRequest<?> request, SignedInUser signedIn) {
        Caller caller = new Caller(signedIn.user(), Optional.of(signedIn.session()), client.clientIp(request));
        request.setAttribute(CALLER, caller);
        return caller;
    }

    private HttpResponse<?> admit(HttpRequest<?> request, User user, boolean csrf) {
        if (csrf) {
            return ApiError.csrf();
        }
        request.setAttribute(CALLER, new Caller(user, Optional.empty(), client.clientIp(request)));
        return null;
    }

    @Nullable
    private static HttpResponse<?> publicRoute(HttpRequest<?> request, boolean csrf) {
        // No cookie authenticates these, but a foreign page must not sign a browser in either.
        return csrf ? ApiError.csrf() : null;
    }

    @Nullable
    private static HttpResponse<?> adminCheck(HttpRequest<?> request, Caller caller) {
        if (!Routes.isAdminOnly(request.getPath()) || caller.admin()) {
            return null;
        }
        return Routes.isPageView(request) ? Pages.adminsOnly()
                : ApiError.adminsOnly();
    }

    private static HttpResponse<?> denied(HttpRequest<?> request) {
        if (Routes.isPageView(request)) {
            String next = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? ""
                    : "?" + request.getUri().getRawQuery());
            return HttpResponse.seeOther(java.net.URI.create("/login?next="
                    + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
        }
        return ApiError.unauthenticated();
    }

    /** The built-in caller of {@code --auth none} and {@code --auth apikey}: an administrator without an account. */
    private static User synthetic(String name) {
        return new User(Username.of(name), Optional.empty(), EnumSet.of(Role.ADMIN, Role.USER), new UserStatus.Active(),
                Instant.EPOCH, Optional.empty());
    }
}
