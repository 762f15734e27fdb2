package dev.gatehouse.cli.apikeys;

import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.service.apikeys.StaticKeys;

/** Key ids as typed on the command line, and what to say when one names a key that cannot change. */
final class ApiKeyIds {

    private ApiKeyIds() {
    }

    static ApiKeyId parse(String text) {
        if (text != null && (text.startsWith("gate_") || text.startsWith("sas_"))) {
            throw new UsageException("That looks like a key itself, not its id. Give the id from the ID column of"
                    + " 'gatehouse token list' (and if the key was pasted somewhere it should not be, revoke it).");
        }
        try {
            return ApiKeyId.of(text);
        } catch (IllegalArgumentException invalid) {
            throw new UsageException(invalid.getMessage());
        }
    }

    /** Core's refusal, or for a configured key's id why it cannot be changed here. */
    static Refused explained(Refused refused, ApiKeyId key) {
        if (refused.reason() == Refused.Reason.NOT_FOUND && key.value().startsWith("config-")) {
            return new Refused(refused.reason(), "'" + key + "' is a key from " + StaticKeys.SOURCE + ": it changes only"
                    + " with that setting. Remove it there and restart the server.");
        }
        return refused;
    }
}
