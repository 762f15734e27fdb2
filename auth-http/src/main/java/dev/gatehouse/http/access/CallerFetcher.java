package dev.gatehouse.http.access;

import dev.gatehouse.http.access.CallerLookup.Found;
import dev.gatehouse.http.access.CallerLookup.Known;
import dev.gatehouse.http.access.CallerLookup.SetupRequired;
import dev.gatehouse.http.access.CallerLookup.Throttled;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/**
 * Micronaut Security's way in: who the request is ({@link CallerLookup}: a key, a session, a static
 * key, the built-in caller of {@code --auth none}), as a {@link CallerAuthentication}. Answered at
 * once when core has the answer in memory, else on the blocking pool ({@link MemoryFirst}). What is
 * no caller but decides the answer (an address told to wait after too many wrong keys, a server
 * still waiting for setup) is noted on the request for {@link AccessRule}. A route that
 * {@link ChecksItself} is not looked at.
 */
@Singleton
class CallerFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final CallerLookup lookup;
    private final MemoryFirst memoryFirst;
    private final RouteRules routes;

    CallerFetcher(CallerLookup lookup, MemoryFirst memoryFirst, RouteRules routes) {
        this.routes = routes;
        this.lookup = lookup;
        this.memoryFirst = memoryFirst;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        RouteRule rule = routes.of(request);
        if (rule.checksItself()) {
            return Publishers.empty();
        }
        CompletableFuture<Found> found = memoryFirst.answer(mayBlock -> lookup.forRoute(request, rule, mayBlock));
        if (found.isDone()) {
            Authentication authentication = authentication(request, found.join());
            return authentication == null ? Publishers.empty() : Publishers.just(authentication);
        }
        return Publishers.fromCompletableFuture(found.thenApply(f -> authentication(request, f)));
    }

    /** The caller as an authentication, or null for nobody (noting a wait or setup for {@link AccessRule}). */
    @Nullable
    private static Authentication authentication(HttpRequest<?> request, Found found) {
        if (found instanceof Known known) {
            return new CallerAuthentication(known.caller());
        }
        if (found instanceof Throttled || found instanceof SetupRequired) {
            AccessRule.noteFound(request, found);
        }
        return null;
    }
}
