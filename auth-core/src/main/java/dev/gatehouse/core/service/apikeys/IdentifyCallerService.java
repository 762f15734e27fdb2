package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.Principal;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.support.KeptByCount;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Identifies callers by key or session. A key is checked in this order, cheapest first: the static
 * keys in memory; the shape and checksum of a Gatehouse key (or the shape of an llmux key), with
 * no store access; one lookup by digest (or, for llmux keys, by id and then the secret's hash in
 * constant time; other text only while the store holds keys imported in plain text,
 * {@link PlainImportedKeys}); revocation and expiry; and the owner, who must exist, be active and be older
 * than the key (a key minted for an earlier account of the same name is not theirs).
 *
 * <p>As with sessions ({@link ValidateSessionService}), when the key store can say cheaply whether
 * anything changed ({@link ApiKeyStore#changeCount}), a Gatehouse key found usable is kept and
 * reused while nothing in the store changed and the key has not expired: a revocation, a lock or
 * a removal — from this process or another — changes the count and the next request reads again.
 */
public final class IdentifyCallerService implements IdentifyCaller {

    private final ApiKeyStore keys;
    private final UserStore users;
    private final TokenDigests tokens;
    private final StaticKeys staticKeys;
    private final ValidateSession sessions;
    private final LastUsedRecorder lastUsed;
    private final Clock clock;
    private final KeptByCount<String, Principal> kept = new KeptByCount<>();
    private final PlainImportedKeys plainImports;

    public IdentifyCallerService(ApiKeyStore keys, UserStore users, TokenDigests tokens, StaticKeys staticKeys,
                                 ValidateSession sessions, LastUsedRecorder lastUsed, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.tokens = tokens;
        this.staticKeys = staticKeys;
        this.sessions = sessions;
        this.lastUsed = lastUsed;
        this.clock = clock;
        this.plainImports = new PlainImportedKeys(keys);
    }

    @Override
    public Result identify(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return new Unknown();
        }
        Optional<ApiKey> configured = staticKeys.match(presentedKey);
        if (configured.isPresent()) {
            return asConfigured(configured.get());
        }
        if (ApiKeyFormat.looksValid(presentedKey)) {
            return byDigest(tokens.digest(presentedKey));
        }
        Optional<LlmuxKeys.Parts> llmux = LlmuxKeys.parse(presentedKey);
        if (llmux.isPresent()) {
            return keys.find(llmux.get().id()).filter(found -> LlmuxKeys.verifies(found, llmux.get().secret()))
                    .map(this::check).orElseGet(Unknown::new);
        }
        if (PlainImportedKeys.couldBe(presentedKey) && plainImports.present()) {
            return byDigest(tokens.digest(presentedKey));
        }
        return new Unknown();
    }

    @Override
    public Optional<Principal> kept(String presentedKey) {
        return ApiKeyFormat.looksValid(presentedKey) ? keptPrincipal(presentedKey) : Optional.empty();
    }

    @Override
    public Optional<Result> fromMemory(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.of(new Unknown());
        }
        Optional<ApiKey> configured = staticKeys.match(presentedKey);
        if (configured.isPresent()) {
            // A mapped key acts as a user of the store, whose state only the store knows.
            return staticKeys.mappedTo().isEmpty() ? Optional.of(asConfigured(configured.get())) : Optional.empty();
        }
        if (ApiKeyFormat.looksValid(presentedKey)) {
            return keptResult(presentedKey);
        }
        if (LlmuxKeys.parse(presentedKey).isPresent()) {
            return Optional.empty();
        }
        if (!PlainImportedKeys.couldBe(presentedKey)) {
            return Optional.of(new Unknown());
        }
        Optional<Boolean> imports = plainImports.known();
        if (imports.isEmpty()) {
            return Optional.empty();
        }
        return imports.get() ? keptResult(presentedKey) : Optional.of(new Unknown());
    }

    private Optional<Result> keptResult(String presentedKey) {
        return keptPrincipal(presentedKey).map(Identified::new);
    }

    private Optional<Principal> keptPrincipal(String presentedKey) {
        return kept.isEmpty() ? Optional.empty() : reuse(tokens.digest(presentedKey), keys.changeCount());
    }

    /** A Gatehouse key: reused from a recent check while the store is unchanged, else looked up and kept. */
    private Result byDigest(String digest) {
        OptionalLong before = keys.changeCount();
        Optional<Principal> reused = reuse(digest, before);
        if (reused.isPresent()) {
            return new Identified(reused.get());
        }
        Result result = keys.findByDigest(digest).map(this::check).orElseGet(Unknown::new);
        if (result instanceof Identified identified) {
            kept.put(digest, identified.principal(), before);
        } else {
            kept.remove(digest);
        }
        return result;
    }

    private Optional<Principal> reuse(String digest, OptionalLong changeCount) {
        Optional<Principal> last = kept.get(digest, changeCount);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ApiKey key = last.get().apiKey().orElseThrow();
        if (key.isExpired(now)) {
            kept.remove(digest);
            return Optional.empty();
        }
        lastUsed.record(key.id(), now);
        return last;
    }

    @Override
    public Result identifySession(String token) {
        return sessions.validate(token)
                .<Result>map(signedIn -> new Identified(Principal.ofSession(signedIn.user(), signedIn.session())))
                .orElseGet(Unknown::new);
    }

    private Result check(ApiKey key) {
        Instant now = clock.instant();
        if (key.isRevoked()) {
            return new NotUsable(key.id(), Why.REVOKED);
        }
        if (key.isExpired(now)) {
            return new NotUsable(key.id(), Why.EXPIRED);
        }
        Optional<User> owner = users.find(key.owner())
                .filter(user -> user.status().isActive() && !key.createdAt().isBefore(user.createdAt()));
        if (owner.isEmpty()) {
            return new NotUsable(key.id(), Why.OWNER_NOT_ACTIVE);
        }
        lastUsed.record(key.id(), now);
        return new Identified(Principal.ofApiKey(owner.get(), key));
    }

    /** A static key acts as its mapped user (who must be active) or as the built-in administrator. */
    private Result asConfigured(ApiKey key) {
        if (staticKeys.mappedTo().isEmpty()) {
            return new Identified(Principal.ofStaticKey(staticKeys.builtInAdministrator(), key));
        }
        return users.find(staticKeys.mappedTo().get()).filter(user -> user.status().isActive())
                .<Result>map(user -> new Identified(Principal.ofStaticKey(user, key)))
                .orElseGet(() -> new NotUsable(key.id(), Why.OWNER_NOT_ACTIVE));
    }
}
