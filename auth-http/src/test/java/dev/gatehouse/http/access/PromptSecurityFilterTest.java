package dev.gatehouse.http.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.config.SecurityConfigurationProperties;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The prompt filter decides as Micronaut Security's {@code SecurityFilter} does, whether each
 * fetcher and rule answers at once or later: the first authentication, the first rule that is not
 * UNKNOWN, a refusal as {@link AuthorizationException} with 401 or 403 noted, and nothing decided
 * refused. (That the server's routes keep their rules through it is what {@code AccessTest} and
 * {@code AttackOnTheAccessLayerTest} show.)
 */
class PromptSecurityFilterTest {

    private static final Executor LATER = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);
    private static final Authentication ALICE = Authentication.build("alice");
    private static final Authentication BOB = Authentication.build("bob");

    private final List<String> asked = new ArrayList<>();
    private final MutableHttpResponse<?> passed = HttpResponse.ok("passed");

    private final ServerFilterChain chain = request -> {
        asked.add("chain");
        return Publishers.just(passed);
    };

    private static <T> Publisher<T> later(T value) {
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(() -> value, LATER));
    }

    private AuthenticationFetcher<HttpRequest<?>> fetcher(String name, Publisher<Authentication> answer) {
        return request -> {
            asked.add(name);
            return answer;
        };
    }

    private SecurityRule<HttpRequest<?>> rule(String name, Publisher<SecurityRuleResult> answer) {
        return (request, authentication) -> {
            asked.add(name + "(" + (authentication == null ? "nobody" : authentication.getName()) + ")");
            return answer;
        };
    }

    private Object run(HttpRequest<?> request, List<AuthenticationFetcher<HttpRequest<?>>> fetchers,
                       List<SecurityRule<HttpRequest<?>>> rules, boolean rejectNotFound) {
        SecurityConfigurationProperties configuration = new SecurityConfigurationProperties();
        configuration.setRejectNotFound(rejectNotFound);
        try {
            return Mono.from(new PromptSecurityFilter(rules, fetchers, configuration).doFilter(request, chain)).block();
        } catch (RuntimeException refused) {
            return refused;
        }
    }

    @Test
    void theFirstAuthenticationWinsWhetherItComesAtOnceOrLater() {
        for (boolean slow : new boolean[] {false, true}) {
            asked.clear();
            MutableHttpRequest<?> request = HttpRequest.GET("/x");
            Object answer = run(request,
                    List.of(fetcher("none", Publishers.empty()), fetcher("alice", slow ? later(ALICE) : Publishers.just(ALICE)),
                            fetcher("bob", Publishers.just(BOB))),
                    List.of(rule("allow", slow ? later(SecurityRuleResult.ALLOWED) : Publishers.just(SecurityRuleResult.ALLOWED))),
                    true);

            assertSame(passed, answer);
            assertEquals(List.of("none", "alice", "allow(alice)", "chain"), asked, "slow=" + slow);
            assertSame(ALICE, request.getAttribute(SecurityFilter.AUTHENTICATION).orElseThrow());
            assertEquals(Boolean.TRUE, request.getAttribute(SecurityFilter.KEY).orElseThrow());
        }
    }

    @Test
    void theFirstRuleThatDecidesWinsAndTheRestAreNotAsked() {
        for (boolean slow : new boolean[] {false, true}) {
            asked.clear();
            MutableHttpRequest<?> request = HttpRequest.GET("/x");
            Object answer = run(request, List.of(fetcher("bob", Publishers.just(BOB))),
                    List.of(rule("unknown", slow ? later(SecurityRuleResult.UNKNOWN) : Publishers.just(SecurityRuleResult.UNKNOWN)),
                            rule("silent", Publishers.empty()),
                            rule("reject", slow ? later(SecurityRuleResult.REJECTED) : Publishers.just(SecurityRuleResult.REJECTED)),
                            rule("allow", Publishers.just(SecurityRuleResult.ALLOWED))),
                    true);

            AuthorizationException refused = assertInstanceOf(AuthorizationException.class, unwrap(answer));
            assertSame(BOB, refused.getAuthentication());
            assertEquals(HttpStatus.FORBIDDEN, request.getAttribute(SecurityFilter.REJECTION).orElseThrow());
            assertEquals(List.of("bob", "unknown(bob)", "silent(bob)", "reject(bob)"), asked, "slow=" + slow);
        }
    }

    @Test
    void nobodyRefusedHearsUnauthorizedAndNothingDecidedIsRefused() {
        MutableHttpRequest<?> request = HttpRequest.GET("/x");
        Object answer = run(request, List.of(fetcher("none", later(null))),
                List.of(rule("unknown", Publishers.just(SecurityRuleResult.UNKNOWN))), true);

        AuthorizationException refused = assertInstanceOf(AuthorizationException.class, unwrap(answer));
        assertNull(refused.getAuthentication());
        assertEquals(HttpStatus.UNAUTHORIZED, request.getAttribute(SecurityFilter.REJECTION).orElseThrow());
        assertEquals(List.of("none", "unknown(nobody)"), asked);
    }

    @Test
    void withoutRejectNotFoundAPathNoRouteMatchedPassesWhenNoRuleDecides() {
        Object answer = run(HttpRequest.GET("/nowhere"), List.of(),
                List.of(rule("unknown", Publishers.just(SecurityRuleResult.UNKNOWN))), false);
        assertSame(passed, answer);
    }

    @Test
    void aFailingFetcherOrRuleFailsTheRequestInsteadOfPassingIt() {
        RuntimeException broken = new IllegalStateException("store went away");
        Object byFetcher = run(HttpRequest.GET("/x"), List.of(fetcher("broken", Publishers.just(broken))),
                List.of(rule("allow", Publishers.just(SecurityRuleResult.ALLOWED))), true);
        assertSame(broken, unwrap(byFetcher));

        asked.clear();
        Object byRule = run(HttpRequest.GET("/x"), List.of(), List.of(rule("broken",
                Publishers.fromCompletableFuture(() -> CompletableFuture.failedFuture(broken))),
                rule("allow", Publishers.just(SecurityRuleResult.ALLOWED))), true);
        assertSame(broken, unwrap(byRule));
        assertEquals(List.of("broken(nobody)"), asked);
    }

    private static Throwable unwrap(Object answer) {
        Throwable thrown = (Throwable) answer;
        while ((thrown instanceof CompletionException || thrown.getClass().getName().startsWith("reactor."))
                && thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        return thrown;
    }
}
