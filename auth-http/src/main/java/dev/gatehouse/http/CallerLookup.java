package dev.gatehouse.http;

import dev.gatehouse.core.model.Principal;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.service.StaticKeys;
import dev.gatehouse.core.service.TokenDigests;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Who a request says it is, checked through core's {@link IdentifyCaller}: the API key it presents
 * ({@code Authorization: Bearer KEY} or {@code x-api-key: KEY}), which wins over a cookie, or else
 * its session cookie. In {@code --auth apikey} only the static keys count and cookies do not.
 *
 * <p>With {@code mayBlock} false nothing here reads the store: what can be answered from memory
 * (a static key, text that cannot be a key, a key or session checked a moment ago) is, and everything
 * else throws {@link StoreNeeded} so the caller can ask again on a thread that may block.
 */
@Singleton
class CallerLookup {

    private final IdentifyCaller identify;
    private final ValidateSession sessions;
    private final StaticKeys staticKeys;
    private final ClientFacts client;
    private final boolean staticOnly;

    CallerLookup(IdentifyCaller identify, ValidateSession sessions, StaticKeys staticKeys, ClientFacts client,
                 ServerSettings settings) {
        this.identify = identify;
        this.sessions = sessions;
        this.staticKeys = staticKeys;
        this.client = client;
        this.staticOnly = settings.auth() == AuthMode.APIKEY;
    }

    /** The key a request presents, if any: {@code Authorization: Bearer KEY}, else {@code x-api-key: KEY}. */
    static Optional<String> presentedKey(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
        return bearer.or(() -> request.getHeaders().get("x-api-key", String.class).map(String::strip))
                .filter(key -> !key.isEmpty());
    }

    /** The caller by the presented key if there is one (a wrong key is no caller), else by the session cookie. */
    Optional<Caller> find(HttpRequest<?> request, boolean mayBlock) {
        Optional<String> key = presentedKey(request);
        return key.isPresent() ? key(request, key.get(), mayBlock) : session(request, mayBlock);
    }

    /** The caller {@code key} identifies: its owner, or the built-in administrator for a static key. */
    Optional<Caller> key(HttpRequest<?> request, String key, boolean mayBlock) {
        if (staticOnly) {
            return staticKeys.match(key)
                    .map(k -> Caller.of(Principal.ofStaticKey(staticKeys.builtInAdministrator(), k), client.clientIp(request)));
        }
        if (!mayBlock) {
            return identified(request, identify.fromMemory(key).orElseThrow(() -> StoreNeeded.INSTANCE));
        }
        return identified(request, identify.identify(key));
    }

    /** The caller the session cookie belongs to, if it is a valid one. */
    Optional<Caller> session(HttpRequest<?> request, boolean mayBlock) {
        Optional<String> token = SessionCookie.token(request);
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

    /** Only the store can answer; ask again where blocking is allowed. No stack trace: it is not an error. */
    static final class StoreNeeded extends RuntimeException {

        static final StoreNeeded INSTANCE = new StoreNeeded();

        private StoreNeeded() {
            super("the store must be asked", null, false, false);
        }
    }
}
