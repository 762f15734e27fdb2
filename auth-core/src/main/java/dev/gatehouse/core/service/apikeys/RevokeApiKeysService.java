package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RevokeApiKeys;
import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/** Revokes keys one at a time or all of an owner (or everyone) at once; every call is audited with its count. */
public final class RevokeApiKeysService implements RevokeApiKeys {

    static final String REVOKE = "api_key.revoke";
    static final String REVOKE_ALL = "api_key.revoke_all";
    private static final int PAGE = 1000;

    private final ApiKeyStore keys;
    private final AuditTrail audit;
    private final Clock clock;

    public RevokeApiKeysService(ApiKeyStore keys, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result revoke(Actor actor, ApiKeyId id) {
        Optional<ApiKey> key = keys.find(id);
        if (key.isEmpty()) {
            return Refused.noSuchKey(id);
        }
        Username owner = key.get().owner();
        Optional<Refused> refused = KeyRules.mayChange(actor, owner);
        if (refused.isPresent()) {
            audit.record(REVOKE, actor, owner, Outcome.REFUSED, Map.of("key", id.value(), "reason", refused.get().message()));
            return refused.get();
        }
        Instant now = clock.instant();
        AtomicBoolean newly = new AtomicBoolean();
        Optional<ApiKey> revoked = keys.update(id, current -> {
            newly.set(!current.isRevoked()); // a store may run this more than once
            return current.revoked(now);
        });
        if (revoked.isEmpty()) {
            return Refused.noSuchKey(id);
        }
        int count = newly.get() ? 1 : 0;
        audit.record(REVOKE, actor, owner, Outcome.SUCCESS, Map.of("key", id.value(), "count", Integer.toString(count)));
        return new Revoked(count);
    }

    @Override
    public Result revokeAll(Actor actor, Optional<Username> owner) {
        if (actor.isImpersonated()) {
            Refused refused = Refused.whileImpersonating("rename or revoke their API keys");
            audit.record(REVOKE_ALL, actor, owner.orElse(null), Outcome.REFUSED, Map.of("reason", refused.message()));
            return refused;
        }
        Optional<Optional<Username>> whose = KeyRules.scope(actor, owner);
        if (whose.isEmpty()) {
            audit.record(REVOKE_ALL, actor, owner.orElse(null), Outcome.REFUSED,
                    Map.of("reason", KeyRules.othersKeys().message()));
            return KeyRules.othersKeys();
        }
        Instant now = clock.instant();
        int count = 0;
        for (Username one : whose.get().map(Set::of).orElseGet(this::ownersOfUsableKeys)) {
            count += keys.revokeByOwner(one, now);
        }
        audit.record(REVOKE_ALL, actor, whose.get().orElse(null), Outcome.SUCCESS, whose.get().isPresent()
                ? Map.of("count", Integer.toString(count)) : Map.of("count", Integer.toString(count), "owners", "all"));
        return new Revoked(count);
    }

    /** Everyone with an unrevoked key, found page by page so memory holds owners, not keys. */
    private Set<Username> ownersOfUsableKeys() {
        Set<Username> owners = new TreeSet<>();
        Optional<ApiKeyId> after = Optional.empty();
        for (List<ApiKey> page = keys.page(after, PAGE); !page.isEmpty(); page = keys.page(after, PAGE)) {
            page.stream().filter(k -> !k.isRevoked()).map(ApiKey::owner).forEach(owners::add);
            after = Optional.of(page.get(page.size() - 1).id());
        }
        return owners;
    }
}
