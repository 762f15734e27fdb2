package dev.gatehouse.http.access;

import dev.gatehouse.http.access.CallerLookup.StoreNeeded;
import dev.gatehouse.http.access.CallerLookup.TooManyWrongKeys;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.PageRequest;
import dev.gatehouse.http.web.SameOrigin;
import dev.gatehouse.http.web.TooManyAttempts;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Deny by default: a request passes only if the rule of the route the router chose is public
 * ({@link Routes}), or it has a caller — an API key ({@link CallerLookup}; only the static keys in
 * {@code --auth apikey}), a valid session cookie, anyone in {@code --auth none}. A presented key wins over a cookie, and a
 * wrong key is refused even with a good cookie. The caller is resolved once here and handed to
 * controllers as a request attribute ({@link #current}). Cookie-authenticated state changes must
 * come from our own origin; key-authenticated ones need not (no browser sends a key by itself).
 * Before the first user exists only setup (and the static keys) answer. Browsers opening a page
 * get redirects (to sign-in, to setup) instead of JSON errors. A caller who came with a key meets the
 * route's key rule ({@link KeyRefusals}) before its administrator rule. An address that sent too many
 * wrong keys gets 429 for any key until its wait is over.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class AccessFilter {

    private static final String CALLER = AccessFilter.class.getName() + ".caller";

    private final CallerLookup lookup;
    private final ClientFacts client;
    private final SetupMode setupMode;
    private final ServerSettings settings;
    private final ExecutorService blocking;

    AccessFilter(CallerLookup lookup, ClientFacts client, SetupMode setupMode, ServerSettings settings,
                 @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.lookup = lookup;
        this.client = client;
        this.setupMode = setupMode;
        this.settings = settings;
        this.blocking = blocking;
    }

    /** The caller of a request that passed this filter on a non-public route. */
    public static Caller current(HttpRequest<?> request) {
        return caller(request)
                .orElseThrow(() -> new IllegalStateException("No caller on " + request.getPath() + "; is it public?"));
    }

    /** The caller, if the filter established one (public routes have none unless a session came along). */
    public static Optional<Caller> caller(HttpRequest<?> request) {
        return request.getAttribute(CALLER, Caller.class);
    }

    /**
     * Decides on the event loop when no store is needed (public routes, static keys, text that
     * cannot be a key, the built-in callers, a key or session checked a moment ago that still holds);
     * otherwise on the blocking executor. (A filter's future must carry an Optional: completing
     * with null from another thread ends the request with an empty 503 in Micronaut 4.10.)
     */
    @RequestFilter
    CompletableFuture<Optional<HttpResponse<?>>> check(HttpRequest<?> request) {
        try {
            return CompletableFuture.completedFuture(Optional.ofNullable(decide(request, false)));
        } catch (StoreNeeded needed) {
            return CompletableFuture.supplyAsync(() -> Optional.ofNullable(decide(request, true)), blocking);
        }
    }

    /** The answer that ends the request, or null to let it through; without {@code mayBlock} it may throw StoreNeeded. */
    @Nullable
    private HttpResponse<?> decide(HttpRequest<?> request, boolean mayBlock) {
        Routes.Rule rule = Routes.rule(request);
        if (Routes.checksItself(rule)) {
            return null;
        }
        boolean publicRoute = rule.isPublic();
        // Only a state change is held to the page that sent it, so only then are Origin and Referer read, once:
        // a signed-in browser's needs this site's page (unlisted); anyone's may not come from another site's (foreign).
        boolean unlisted = Routes.changesState(request.getMethod())
                && !SameOrigin.check(request, client.secure(request), settings.portal());
        boolean foreign = unlisted && request.getHeaders().contains("Origin");
        // Public routes never look at keys: a monitor's /healthz with a Bearer header costs no lookup.
        Optional<String> key = publicRoute ? Optional.empty() : CallerLookup.presentedKey(request);
        Optional<Caller> keyed;
        try {
            keyed = key.isPresent() ? lookup.key(request, key.get(), mayBlock) : Optional.empty();
        } catch (TooManyWrongKeys throttled) {
            return TooManyAttempts.wrongKeys(throttled.retryAfter());
        }
        return switch (settings.auth()) {
            // A wrong key here is no reason to refuse: clients that insist on some key send anything.
            case NONE -> keyed.isPresent() ? admitted(request, rule, keyed.get())
                    : admit(request, Caller.builtIn("default", client.clientIp(request)), foreign);
            case APIKEY -> publicRoute ? publicRoute(request, foreign)
                    : keyed.isPresent() ? admitted(request, rule, keyed.get()) : denied(request);
            case AUTO -> key.isEmpty() ? auto(request, rule, mayBlock, unlisted, foreign)
                    : keyed.isPresent() ? admitted(request, rule, keyed.get()) : denied(request);
        };
    }

    private HttpResponse<?> auto(HttpRequest<?> request, Routes.Rule rule, boolean mayBlock, boolean unlisted,
                                 boolean foreign) {
        if (setupActive(mayBlock)) {
            if (Routes.worksDuringSetup(rule)) {
                return publicRoute(request, foreign);
            }
            return PageRequest.isPageView(request) ? HttpResponse.seeOther(java.net.URI.create("/setup"))
                    : ApiError.response(HttpStatus.SERVICE_UNAVAILABLE, "setup_required",
                            "Gatehouse has no users yet. Open /setup with the code the server printed, or run"
                                    + " 'gatehouse user add admin' on the server.");
        }
        Optional<Caller> signedIn = lookup.session(request, mayBlock);
        if (rule.isPublic()) {
            // Pages such as /login want to know who is already signed in.
            signedIn.ifPresent(caller -> request.setAttribute(CALLER, caller));
            return publicRoute(request, foreign);
        }
        if (signedIn.isEmpty()) {
            return denied(request);
        }
        if (unlisted) {
            return ApiError.csrf();
        }
        return admitted(request, rule, signedIn.get());
    }

    /** Setup mode asks the store until the first user is seen; after that it is over for good. */
    private boolean setupActive(boolean mayBlock) {
        if (setupMode.knownOver()) {
            return false;
        }
        if (!mayBlock) {
            throw StoreNeeded.INSTANCE;
        }
        return setupMode.active();
    }

    /**
     * Lets an established caller through, unless the route refuses how they came (a key where a person
     * must sign in, a key with scopes on a route for managing Gatehouse) or is for administrators and
     * they are not one. The key is judged first, so an administrator's scoped key hears why.
     */
    @Nullable
    private static HttpResponse<?> admitted(HttpRequest<?> request, Routes.Rule rule, Caller caller) {
        request.setAttribute(CALLER, caller);
        HttpResponse<?> byKey = KeyRefusals.refusal(request, rule, caller);
        if (byKey != null) {
            return byKey;
        }
        if (rule.who() != Routes.Who.ADMIN || caller.admin()) {
            return null;
        }
        return PageRequest.isPageView(request) ? Pages.adminsOnly() : ApiError.adminsOnly();
    }

    @Nullable
    private static HttpResponse<?> admit(HttpRequest<?> request, Caller caller, boolean csrf) {
        if (csrf) {
            return ApiError.csrf();
        }
        request.setAttribute(CALLER, caller);
        return null;
    }

    @Nullable
    private static HttpResponse<?> publicRoute(HttpRequest<?> request, boolean csrf) {
        // No cookie authenticates these, but a foreign page must not sign a browser in either.
        return csrf ? ApiError.csrf() : null;
    }

    private static HttpResponse<?> denied(HttpRequest<?> request) {
        if (PageRequest.isPageView(request)) {
            String next = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? ""
                    : "?" + request.getUri().getRawQuery());
            return HttpResponse.seeOther(java.net.URI.create("/login?next="
                    + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
        }
        return ApiError.unauthenticated();
    }
}
