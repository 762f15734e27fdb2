package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.in.RenameApiKey;
import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import java.util.Map;
import java.util.Optional;

/** Renames keys; a name is a label, so any stored key may be renamed, revoked and imported ones too. */
public final class RenameApiKeyService implements RenameApiKey {

    static final String RENAME = "api_key.rename";

    private final ApiKeyStore keys;
    private final AuditTrail audit;

    public RenameApiKeyService(ApiKeyStore keys, AuditTrail audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    public Result rename(Actor actor, ApiKeyId id, String name) {
        String checked;
        try {
            checked = ApiKey.checkedName(name);
        } catch (IllegalArgumentException invalid) {
            return new Refused(Reason.INVALID, invalid.getMessage());
        }
        Optional<ApiKey> key = keys.find(id);
        if (key.isEmpty()) {
            return Refused.noSuchKey(id);
        }
        Optional<Refused> refused = KeyRules.mayChange(actor, key.get().owner());
        if (refused.isPresent()) {
            audit.record(RENAME, actor, key.get().owner(), Outcome.REFUSED,
                    Map.of("key", id.value(), "reason", refused.get().message()));
            return refused.get();
        }
        Optional<ApiKey> renamed = keys.update(id, current -> current.withName(checked));
        if (renamed.isEmpty()) {
            return Refused.noSuchKey(id);
        }
        audit.record(RENAME, actor, renamed.get().owner(), Outcome.SUCCESS,
                Map.of("key", id.value(), "from", key.get().name(), "to", checked));
        return new Renamed(renamed.get());
    }
}
