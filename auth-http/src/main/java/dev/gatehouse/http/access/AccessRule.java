package dev.gatehouse.http.access;

import dev.gatehouse.http.access.CallerLookup.Found;
import dev.gatehouse.http.access.CallerLookup.SetupRequired;
import dev.gatehouse.http.access.CallerLookup.Throttled;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.PageRequest;
import dev.gatehouse.http.web.SameOrigin;
import dev.gatehouse.http.web.TooManyAttempts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * What {@code @Secured} cannot say, checked before it: a server still waiting for setup answers only
 * setup; an address that guessed too many keys waits; a state change a browser's cookie authenticates
 * must come from this site's own page (keys need not: no browser sends one by itself; a page of
 * another site was already turned away by {@link ForeignPages}); and a caller who came with a key meets the route's {@link KeyRule} before its
 * administrator rule, so an administrator's scoped key hears why. This rule only refuses (noting the
 * answer for {@link AccessDenied}) or leaves the decision to {@code @Secured}, with one exception:
 * a caller asking for a path no route has hears the router's 404 or 405 (anonymous callers hear 401,
 * as {@code reject-not-found} says, so nothing about the routes is learnt without signing in).
 */
@Singleton
class AccessRule implements SecurityRule<HttpRequest<?>> {

    /** Before {@code @Secured}: a refusal here must win over its generic 401 or 403. */
    static final int ORDER = SecuredAnnotationRule.ORDER - 50;

    private static final String FOUND = AccessRule.class.getName() + ".found";
    private static final String REFUSAL = AccessRule.class.getName() + ".refusal";
    private static final Publisher<SecurityRuleResult> UNKNOWN = Publishers.just(SecurityRuleResult.UNKNOWN);
    private static final Publisher<SecurityRuleResult> REJECTED = Publishers.just(SecurityRuleResult.REJECTED);
    private static final Publisher<SecurityRuleResult> ALLOWED = Publishers.just(SecurityRuleResult.ALLOWED);

    private final ClientFacts client;
    private final ServerSettings settings;
    private final RouteRules routes;

    AccessRule(ClientFacts client, ServerSettings settings, RouteRules routes) {
        this.routes = routes;
        this.client = client;
        this.settings = settings;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Notes what the lookup found that is no caller but decides the answer (a wait, setup). */
    static void noteFound(HttpRequest<?> request, Found found) {
        request.setAttribute(FOUND, found);
    }

    /** The answer this rule chose when it refused the request, for {@link AccessDenied}. */
    static Optional<HttpResponse<?>> refusal(HttpRequest<?> request) {
        return request.getAttribute(REFUSAL).map(answer -> (HttpResponse<?>) answer);
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        RouteRule rule = routes.of(request);
        if (rule.checksItself()) {
            return UNKNOWN;
        }
        Optional<Object> found = request.getAttribute(FOUND);
        if (found.isPresent() && found.get() instanceof Throttled throttled) {
            return refuse(request, TooManyAttempts.wrongKeys(throttled.retryAfter()));
        }
        if (found.isPresent() && found.get() instanceof SetupRequired && !(rule.isPublic() && rule.duringSetup())) {
            return refuse(request, PageRequest.isPageView(request) ? HttpResponse.seeOther(URI.create("/setup"))
                    : ApiError.response(HttpStatus.SERVICE_UNAVAILABLE, "setup_required",
                            "Gatehouse has no users yet. Open /setup with the code the server printed, or run"
                                    + " 'gatehouse user add admin' on the server."));
        }
        Optional<Caller> caller = CallerAuthentication.caller(authentication);
        if (rule.isPublic() || caller.isEmpty()) {
            return UNKNOWN; // public, or @Secured (or reject-not-found) answers 401
        }
        // A browser's cookie goes along by itself, so the page must be this site's, not merely not another's
        // (another site's page was turned away before, by ForeignPages).
        if (caller.get().session().isPresent() && caller.get().key().isEmpty() && unlisted(request)) {
            return refuse(request, ApiError.csrf());
        }
        HttpResponse<?> byKey = KeyRefusals.refusal(request, rule, caller.get());
        if (byKey != null) {
            return refuse(request, byKey);
        }
        return rule == RouteRule.NO_ROUTE ? ALLOWED : UNKNOWN;
    }

    private static Publisher<SecurityRuleResult> refuse(HttpRequest<?> request, HttpResponse<?> answer) {
        request.setAttribute(REFUSAL, answer);
        return REJECTED;
    }

    /** A state change whose Origin or Referer does not show this site's page. Only then are they read, once. */
    private boolean unlisted(HttpRequest<?> request) {
        return RouteRule.changesState(request.getMethod())
                && !SameOrigin.check(request, client.secure(request), settings.portal());
    }
}
