package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import java.util.List;
import java.util.Optional;

/**
 * API keys, revoked ones included, newest first. Users see their own; administrators everyone's
 * (or one owner's) plus the keys from configuration, which are listed as legacy
 * ({@link ApiKey#isLegacy()}) and cannot be changed here.
 */
public interface ListApiKeys {

    /** The keys of {@code owner}, or with none given the actor's own (administrators: everyone's). */
    Result list(Actor actor, Optional<Username> owner);

    /** What happened. */
    sealed interface Result permits Listed, Refused {
    }

    /** The keys asked for. */
    record Listed(List<ApiKey> keys) implements Result {
        public Listed {
            keys = List.copyOf(keys);
        }
    }
}
