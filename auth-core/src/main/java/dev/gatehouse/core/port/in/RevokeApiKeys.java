package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import java.util.Optional;

/**
 * Stops API keys from working, at once and for good. Revoked keys stay listed, marked revoked.
 * Owners revoke their own keys; administrators anyone's, and all keys of everyone at once.
 */
public interface RevokeApiKeys {

    /** Revokes one key; one already revoked counts 0 and keeps its first revocation time. */
    Result revoke(Actor actor, ApiKeyId id);

    /** Revokes every key of {@code owner}; with none given the actor's own (administrators: everyone's). */
    Result revokeAll(Actor actor, Optional<Username> owner);

    /** What happened. */
    sealed interface Result permits Revoked, Refused {
    }

    /** How many keys were newly revoked. */
    record Revoked(int count) implements Result {
    }
}
