package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;

/**
 * Gives an API key a new name. Owners rename their keys, administrators anyone's. A name is
 * only a label, so revoked and imported keys can be renamed too; keys from configuration are not
 * in the store and are {@link Refused.Reason#NOT_FOUND}.
 */
public interface RenameApiKey {

    /** {@code name}: 1 to 100 characters on one line, trimmed. */
    Result rename(Actor actor, ApiKeyId id, String name);

    /** What happened. */
    sealed interface Result permits Renamed, Refused {
    }

    /** The key as it is now. */
    record Renamed(ApiKey key) implements Result {
    }
}
