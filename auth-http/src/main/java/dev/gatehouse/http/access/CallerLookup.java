package dev.gatehouse.http.access;

import dev.gatehouse.core.model.apikeys.Principal;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.service.apikeys.KeyGuessThrottle;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.SessionCookie;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a request says it is, checked through core's {@link IdentifyCaller}: the API key it presents
 * ({@code Authorization: Bearer KEY} or {@code x-api-key: KEY}), which wins over a cookie, or else
 * its session cookie. In {@code --auth apikey} only the static keys count and cookies do not; in
 * {@code --auth none} everyone without a valid key is the built-in administrator {@code default}.
 * Before the first user exists ({@link SetupMode}) a request without a key finds nobody but hears
 * that setup is needed.
 *
 * <p>Every method takes {@code mayBlock} as {@link MemoryFirst} asks: false answers only from
 * memory (a static key, text that cannot be a key, a key or session checked a moment ago) and is
 * empty when the store must be read.
 *
 * <p>Wrong keys are counted per client address ({@link KeyGuessThrottle}); an address over its
 * allowance finds {@link Throttled} for every key, before any lookup, until its wait is over. Not
 * in {@code --auth none}, where a wrong key is no reason to refuse and guessing gains nothing
 * (everyone is the administrator there).
 */
@Singleton
public class CallerLookup {

    /** What a lookup found. */
    public sealed interface Found {
    }

    /** A caller. */
    public record Known(Caller caller) implements Found {
    }

    /** Nobody: no key and no session, or a wrong one. */
    public record Nobody() implements Found {
    }

    /** The client's address guessed too many keys lately: answer 429 with {@code Retry-After}, no lookup made. */
    public record Throttled(Duration retryAfter) implements Found {

        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The server has no users yet: only setup answers. */
    public record SetupRequired() implements Found {
    }

    private static final Optional<Found> NOBODY = Optional.of(new Nobody());
    private static final Optional<Found> SETUP_REQUIRED = Optional.of(new SetupRequired());

    private final IdentifyCaller identify;
    private final ValidateSession sessions;
    private final StaticKeys staticKeys;
    private final ClientFacts client;
    private final AuthMode auth;
    private final KeyGuessThrottle guesses;
    private final SetupMode setupMode;

    CallerLookup(IdentifyCaller identify, ValidateSession sessions, StaticKeys staticKeys, ClientFacts client,
                 ServerSettings settings, KeyGuessThrottle guesses, SetupMode setupMode) {
        this.guesses = settings.auth() == AuthMode.NONE ? KeyGuessThrottle.off() : guesses;
        this.identify = identify;
        this.sessions = sessions;
        this.staticKeys = staticKeys;
        this.client = client;
        this.auth = settings.auth();
        this.setupMode = setupMode;
    }

    /** The key a request presents, if any: {@code Authorization: Bearer KEY}, else {@code x-api-key: KEY}. */
    public static Optional<String> presentedKey(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
        return bearer.or(() -> request.getHeaders().get("x-api-key", String.class).map(String::strip))
                .filter(key -> !key.isEmpty());
    }

    /**
     * The caller of a request to a route with {@code rule}. A public route never looks at keys (a
     * monitor's {@code /healthz} with a Bearer header costs no lookup), but a session is looked up
     * there too: pages such as {@code /login} want to know who is already signed in.
     */
    public Optional<Found> forRoute(HttpRequest<?> request, RouteRule rule, boolean mayBlock) {
        Optional<String> key = rule.isPublic() ? Optional.empty() : presentedKey(request);
        if (key.isPresent()) {
            Optional<Found> keyed = key(request, key.get(), mayBlock);
            // In --auth none a wrong key is no reason to refuse: clients that insist on some key send anything.
            return auth == AuthMode.NONE && keyed.filter(Nobody.class::isInstance).isPresent() ? builtIn(request) : keyed;
        }
        return switch (auth) {
            case NONE -> builtIn(request);
            case APIKEY -> NOBODY;
            case AUTO -> {
                if (!setupMode.knownOver()) {
                    if (!mayBlock) {
                        yield Optional.empty();
                    }
                    if (setupMode.active()) {
                        yield SETUP_REQUIRED;
                    }
                }
                yield session(request, mayBlock);
            }
        };
    }

    /** The caller by the presented key if there is one (a wrong key is nobody), else by the session cookie. */
    public Optional<Found> find(HttpRequest<?> request, boolean mayBlock) {
        Optional<String> key = presentedKey(request);
        if (auth == AuthMode.NONE) {
            Optional<Found> keyed = key.isPresent() ? key(request, key.get(), mayBlock) : NOBODY;
            return keyed.filter(Nobody.class::isInstance).isPresent() ? builtIn(request) : keyed;
        }
        return key.isPresent() ? key(request, key.get(), mayBlock) : session(request, mayBlock);
    }

    /**
     * The caller {@code key} identifies: its owner, or the built-in administrator for a static key.
     * {@link Throttled} while the client's address waits, without looking at the key.
     */
    Optional<Found> key(HttpRequest<?> request, String key, boolean mayBlock) {
        Optional<Duration> wait = guesses.wait(() -> client.clientIp(request));
        if (wait.isPresent()) {
            return Optional.of(new Throttled(wait.get()));
        }
        if (auth == AuthMode.APIKEY) {
            Optional<Caller> found = staticKeys.match(key)
                    .map(k -> Caller.of(Principal.ofStaticKey(staticKeys.builtInAdministrator(), k), client.clientIp(request)));
            if (found.isEmpty()) {
                guesses.wrongKey(client.clientIp(request));
            }
            return found.<Found>map(Known::new).or(() -> NOBODY);
        }
        Optional<IdentifyCaller.Result> result = mayBlock ? Optional.of(identify.identify(key)) : identify.fromMemory(key);
        // Only a key nobody has counts: a revoked or expired one was a real key, not a guess.
        if (result.filter(IdentifyCaller.Unknown.class::isInstance).isPresent()) {
            guesses.wrongKey(client.clientIp(request));
        }
        return result.map(r -> identified(request, r));
    }

    /** The caller the session cookie belongs to, if it is a valid one. */
    Optional<Found> session(HttpRequest<?> request, boolean mayBlock) {
        Optional<String> token = SessionCookie.token(request, client.cookieScope(request));
        if (auth == AuthMode.APIKEY || token.isEmpty() || !TokenDigests.looksLikeToken(token.get())) {
            return NOBODY;
        }
        if (!mayBlock) {
            return sessions.kept(token.get()).<Found>map(s -> new Known(Caller.of(Principal.ofSession(s.user(), s.session()),
                    client.clientIp(request))));
        }
        return Optional.of(identified(request, identify.identifySession(token.get())));
    }

    private Optional<Found> builtIn(HttpRequest<?> request) {
        return Optional.of(new Known(Caller.builtIn("default", client.clientIp(request))));
    }

    private Found identified(HttpRequest<?> request, IdentifyCaller.Result result) {
        return result instanceof IdentifyCaller.Identified found
                ? new Known(Caller.of(found.principal(), client.clientIp(request))) : new Nobody();
    }
}
