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
 * its session cookie. In {@code --auth apikey} only the static keys count and cookies do not.
 *
 * <p>With {@code mayBlock} false nothing here reads the store: what can be answered from memory
 * (a static key, text that cannot be a key, a key or session checked a moment ago) is, and everything
 * else throws {@link StoreNeeded} so the caller can ask again on a thread that may block.
 *
 * <p>Wrong keys are counted per client address ({@link KeyGuessThrottle}); an address over its
 * allowance gets {@link TooManyWrongKeys} for every key, before any lookup, until its wait is
 * over. Not in {@code --auth none}, where a wrong key is no reason to refuse and guessing gains
 * nothing (everyone is the administrator there).
 */
@Singleton
public class CallerLookup {

    private final IdentifyCaller identify;
    private final ValidateSession sessions;
    private final StaticKeys staticKeys;
    private final ClientFacts client;
    private final boolean staticOnly;
    private final KeyGuessThrottle guesses;

    CallerLookup(IdentifyCaller identify, ValidateSession sessions, StaticKeys staticKeys, ClientFacts client,
                 ServerSettings settings, KeyGuessThrottle guesses) {
        this.guesses = settings.auth() == AuthMode.NONE ? KeyGuessThrottle.off() : guesses;
        this.identify = identify;
        this.sessions = sessions;
        this.staticKeys = staticKeys;
        this.client = client;
        this.staticOnly = settings.auth() == AuthMode.APIKEY;
    }

    /** The key a request presents, if any: {@code Authorization: Bearer KEY}, else {@code x-api-key: KEY}. */
    public static Optional<String> presentedKey(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
        return bearer.or(() -> request.getHeaders().get("x-api-key", String.class).map(String::strip))
                .filter(key -> !key.isEmpty());
    }

    /** The caller by the presented key if there is one (a wrong key is no caller), else by the session cookie. */
    public Optional<Caller> find(HttpRequest<?> request, boolean mayBlock) {
        Optional<String> key = presentedKey(request);
        return key.isPresent() ? key(request, key.get(), mayBlock) : session(request, mayBlock);
    }

    /**
     * The caller {@code key} identifies: its owner, or the built-in administrator for a static key.
     * Throws {@link TooManyWrongKeys} while the client's address waits, without looking at the key.
     */
    public Optional<Caller> key(HttpRequest<?> request, String key, boolean mayBlock) {
        Optional<Duration> wait = guesses.wait(() -> client.clientIp(request));
        if (wait.isPresent()) {
            throw new TooManyWrongKeys(wait.get());
        }
        if (staticOnly) {
            Optional<Caller> found = staticKeys.match(key)
                    .map(k -> Caller.of(Principal.ofStaticKey(staticKeys.builtInAdministrator(), k), client.clientIp(request)));
            if (found.isEmpty()) {
                guesses.wrongKey(client.clientIp(request));
            }
            return found;
        }
        IdentifyCaller.Result result = mayBlock ? identify.identify(key)
                : identify.fromMemory(key).orElseThrow(() -> StoreNeeded.INSTANCE);
        // Only a key nobody has counts: a revoked or expired one was a real key, not a guess.
        if (result instanceof IdentifyCaller.Unknown) {
            guesses.wrongKey(client.clientIp(request));
        }
        return identified(request, result);
    }

    /** The caller the session cookie belongs to, if it is a valid one. */
    Optional<Caller> session(HttpRequest<?> request, boolean mayBlock) {
        Optional<String> token = SessionCookie.token(request, client.cookieScope(request));
        if (staticOnly || token.isEmpty() || !TokenDigests.looksLikeToken(token.get())) {
            return Optional.empty();
        }
        if (!mayBlock) {
            return Optional.of(sessions.kept(token.get()).orElseThrow(() -> StoreNeeded.INSTANCE))
                    .map(s -> Caller.of(Principal.ofSession(s.user(), s.session()), client.clientIp(request)));
        }
        return identified(request, identify.identifySession(token.get()));
    }

    private Optional<Caller> identified(HttpRequest<?> request, IdentifyCaller.Result result) {
        return result instanceof IdentifyCaller.Identified found
                ? Optional.of(Caller.of(found.principal(), client.clientIp(request))) : Optional.empty();
    }

    /** The client's address guessed too many keys lately: answer 429 with {@code Retry-After}, no lookup made. */
    public static final class TooManyWrongKeys extends RuntimeException {

        private final Duration wait;

        TooManyWrongKeys(Duration wait) {
            super("too many wrong keys", null, false, false);
            this.wait = Objects.requireNonNull(wait, "wait");
        }

        public Duration retryAfter() {
            return wait;
        }
    }

    /** Only the store can answer; ask again where blocking is allowed. No stack trace: it is not an error. */
    public static final class StoreNeeded extends RuntimeException {

        public static final StoreNeeded INSTANCE = new StoreNeeded();

        private StoreNeeded() {
            super("the store must be asked", null, false, false);
        }
    }
}
