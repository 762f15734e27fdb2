package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Mints keys for active users; the secret leaves here once and only its digest is stored. */
public final class MintApiKeyService implements MintApiKey {

    static final String MINT = "api_key.mint";

    private final UserStore users;
    private final ApiKeyStore keys;
    private final TokenDigests tokens;
    private final SecureRandomSource random;
    private final KeyPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    public MintApiKeyService(UserStore users, ApiKeyStore keys, TokenDigests tokens, SecureRandomSource random,
                             KeyPolicy policy, AuditTrail audit, Clock clock) {
        this.users = users;
        this.keys = keys;
        this.tokens = tokens;
        this.random = random;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result mint(Command command) {
        Optional<Username> named = command.owner().or(() -> command.actor().username());
        if (named.isEmpty()) {
            return new Refused(Reason.INVALID, "Say whose key this is: name its owner (--username NAME).");
        }
        Username owner = named.get();
        Optional<Refused> refused = KeyRules.mayMintFor(command.actor(), owner);
        if (refused.isPresent()) {
            audit.record(MINT, command.actor(), owner, Outcome.REFUSED, Map.of("reason", refused.get().message()));
            return refused.get();
        }
        Optional<Refused> inactive = activeOwner(owner);
        if (inactive.isPresent()) {
            return inactive.get();
        }
        Instant now = clock.instant();
        String secret = ApiKeyFormat.newKey(random);
        ApiKey key;
        try {
            key = new ApiKey(ApiKeyFormat.newId(random), owner, command.name().orElseGet(() -> defaultName(owner, now)),
                    tokens.digest(secret), ApiKeyFormat.displayPrefix(secret), now, expiry(command, now),
                    Optional.empty(), command.scopes(), Optional.empty(), ApiKey.Origin.MINTED, Optional.empty());
        } catch (IllegalArgumentException invalid) {
            return new Refused(Reason.INVALID, invalid.getMessage());
        }
        key = insert(key);
        // Locked or removed while the key was being made: it must not outlive that.
        Optional<Refused> meanwhile = activeOwner(owner);
        if (meanwhile.isPresent()) {
            keys.update(key.id(), k -> k.revoked(clock.instant()));
            return meanwhile.get();
        }
        audit.record(MINT, command.actor(), owner, Outcome.SUCCESS, details(key));
        return new Minted(key, secret);
    }

    private Optional<Refused> activeOwner(Username owner) {
        Optional<User> user = users.find(owner);
        if (user.isEmpty()) {
            return Optional.of(Refused.noSuchUser(owner));
        }
        if (!user.get().status().isActive()) {
            return Optional.of(new Refused(Reason.INVALID, "'" + owner + "' is " + user.get().status().label()
                    .toLowerCase(java.util.Locale.ROOT) + ": only active users get keys. Unlock or approve them first."));
        }
        return Optional.empty();
    }

    /** The asked expiry (which must be in the future), none if asked, else the policy's. */
    private Optional<Instant> expiry(Command command, Instant now) {
        if (command.neverExpires() && command.expiresAt().isPresent()) {
            throw new IllegalArgumentException("Ask for an expiry or for none, not both.");
        }
        if (command.expiresAt().isPresent()) {
            Instant asked = command.expiresAt().get();
            if (!asked.isAfter(now)) {
                throw new IllegalArgumentException("The expiry " + asked + " is not in the future; give a later date"
                        + " or a duration such as 90d.");
            }
            return command.expiresAt();
        }
        return command.neverExpires() ? Optional.empty() : policy.defaultLifetime().map(now::plus);
    }

    static String defaultName(Username owner, Instant now) {
        return owner.value() + "-" + now.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Inserts the key; a taken id (about one in 2^95) just means another id. */
    private ApiKey insert(ApiKey key) {
        ApiKey candidate = key;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (keys.insert(candidate)) {
                return candidate;
            }
            candidate = new ApiKey(ApiKeyFormat.newId(random), key.owner(), key.name(), key.digest(),
                    key.displayPrefix(), key.createdAt(), key.expiresAt(), key.lastUsedAt(), key.scopes(),
                    key.revokedAt(), key.origin(), key.legacyVerifier());
        }
        throw new StoreException("The key store refused a new key three times although its id and digest are fresh;"
                + " check that the store compares ids and digests exactly (case-sensitive).");
    }

    private static Map<String, String> details(ApiKey key) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("key", key.id().value());
        details.put("name", key.name());
        details.put("expires", key.expiresAt().map(Instant::toString).orElse("never"));
        if (!key.scopes().isEmpty()) {
            details.put("scopes", String.join(" ", key.scopes()));
        }
        return details;
    }
}
