package dev.gatehouse.http.access;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.filters.SecurityFilterConfigurationProperties;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Micronaut Security's {@link SecurityFilter}, run without building a reactive pipeline when the
 * answers are at hand. The same {@link AuthenticationFetcher}s, then the same
 * {@link SecurityRule}s, in the same order, with the same outcome: the first fetcher's
 * authentication is the caller, the first rule that does not answer {@code UNKNOWN} decides, a
 * refusal is an {@link AuthorizationException} for the exception handler ({@link AccessDenied}),
 * and a request no rule decided is refused ({@code reject-not-found} or a matched route). Only the
 * plumbing differs: {@code SecurityFilter} runs every request through a chain of Reactor operators
 * even though Gatehouse's fetcher and every rule answer at once for nearly all requests (a kept key
 * or session, a route's annotations), and that chain cost a sixth of the CPU of a {@code /healthz}
 * request (docs/benchmarks.md). Here each answer is taken at once when its publisher gives it at
 * once, and only a fetcher or rule that answers later (the store must be read) continues
 * asynchronously.
 */
@Replaces(SecurityFilter.class)
@Requires(property = SecurityFilterConfigurationProperties.PREFIX + ".enabled", notEquals = StringUtils.FALSE,
        defaultValue = StringUtils.TRUE)
@Filter("${" + SecurityFilterConfigurationProperties.PREFIX + ".pattern:" + Filter.MATCH_ALL_PATTERN + "}")
class PromptSecurityFilter implements HttpServerFilter {

    private final Collection<SecurityRule<HttpRequest<?>>> rules;
    private final Collection<AuthenticationFetcher<HttpRequest<?>>> fetchers;
    private final SecurityConfiguration configuration;

    PromptSecurityFilter(Collection<SecurityRule<HttpRequest<?>>> rules,
                         Collection<AuthenticationFetcher<HttpRequest<?>>> fetchers,
                         SecurityConfiguration configuration) {
        this.rules = rules;
        this.fetchers = fetchers;
        this.configuration = configuration;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        request.getAttributes().put(SecurityFilter.KEY, true);
        CompletableFuture<Optional<Authentication>> caller = first(fetchers.iterator(), request);
        if (caller.isDone() && !caller.isCompletedExceptionally()) {
            return checkRules(request, chain, caller.join().orElse(null));
        }
        return Mono.fromFuture(caller).flatMapMany(found -> checkRules(request, chain, found.orElse(null)));
    }

    private Publisher<MutableHttpResponse<?>> checkRules(HttpRequest<?> request, ServerFilterChain chain,
                                                         @Nullable Authentication authentication) {
        request.setAttribute(SecurityFilter.AUTHENTICATION, authentication);
        CompletableFuture<SecurityRuleResult> decided = decide(rules.iterator(), request, authentication);
        if (decided.isDone() && !decided.isCompletedExceptionally()) {
            return act(decided.join(), request, chain, authentication);
        }
        return Mono.fromFuture(decided).flatMapMany(result -> act(result, request, chain, authentication));
    }

    private Publisher<MutableHttpResponse<?>> act(SecurityRuleResult result, HttpRequest<?> request,
                                                  ServerFilterChain chain, @Nullable Authentication authentication) {
        if (result == SecurityRuleResult.ALLOWED) {
            return chain.proceed(request);
        }
        boolean noRouteAllowed = result == SecurityRuleResult.UNKNOWN && !configuration.isRejectNotFound()
                && request.getAttribute(HttpAttributes.ROUTE_MATCH).isEmpty();
        if (noRouteAllowed) {
            return chain.proceed(request);
        }
        request.setAttribute(SecurityFilter.REJECTION, authentication != null ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED);
        return Publishers.just(new AuthorizationException(authentication));
    }

    /** The first authentication the fetchers give, in their order; empty when none gives one. */
    private static CompletableFuture<Optional<Authentication>> first(
            Iterator<AuthenticationFetcher<HttpRequest<?>>> fetchers, HttpRequest<?> request) {
        while (fetchers.hasNext()) {
            CompletableFuture<Optional<Authentication>> found = Prompt.first(fetchers.next().fetchAuthentication(request));
            if (!found.isDone() || found.isCompletedExceptionally()) {
                return found.thenCompose(f -> f.isPresent() ? CompletableFuture.completedFuture(f) : first(fetchers, request));
            }
            if (found.join().isPresent()) {
                return found;
            }
        }
        return CompletableFuture.completedFuture(Optional.empty());
    }

    /** The first answer of the rules, in their order, that is not {@code UNKNOWN}; {@code UNKNOWN} when none decides. */
    private static CompletableFuture<SecurityRuleResult> decide(Iterator<SecurityRule<HttpRequest<?>>> rules,
                                                                HttpRequest<?> request,
                                                                @Nullable Authentication authentication) {
        while (rules.hasNext()) {
            CompletionStage<Optional<SecurityRuleResult>> answer = Prompt.first(rules.next().check(request, authentication));
            CompletableFuture<SecurityRuleResult> result = answer.toCompletableFuture()
                    .thenApply(r -> r.orElse(SecurityRuleResult.UNKNOWN));
            if (!result.isDone() || result.isCompletedExceptionally()) {
                return result.thenCompose(r -> r != SecurityRuleResult.UNKNOWN ? CompletableFuture.completedFuture(r)
                        : decide(rules, request, authentication));
            }
            if (result.join() != SecurityRuleResult.UNKNOWN) {
                return result;
            }
        }
        return CompletableFuture.completedFuture(SecurityRuleResult.UNKNOWN);
    }
}
