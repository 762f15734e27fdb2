package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.apikeys.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns what a client presented, an API key or a session token, into a {@link Principal}. A key
 * works while it is neither revoked nor expired and its owner's account is active: locking or
 * deleting a user stops their keys on the next request. Text that cannot be a key (a typo, another
 * product's key) is turned away without a store lookup. Key use is recorded in memory and written
 * in batches, never per request.
 */
public interface IdentifyCaller {

    /** An API key: a Gatehouse key, an imported llmux key, or a static key from configuration. */
    Result identify(String presentedKey);

    /** A session token from the session cookie; the same checks as signing in with it. */
    Result identifySession(String token);

    /**
     * The answer of a check of this key made a moment ago that still holds — the store says nothing
     * changed since ({@code ApiKeyStore#changeCount}) and the key has not expired — without reading
     * the store; empty means "call {@link #identify}". The use is recorded like any other. Servers
     * use it to answer most keyed requests without blocking I/O.
     */
    default Optional<Principal> kept(String presentedKey) {
        return Optional.empty();
    }

    /**
     * The answer for this key if it can be given without reading the store: a static key acting as
     * the built-in administrator, text that cannot be a stored key, or a check kept as for
     * {@link #kept}. Empty means "call {@link #identify}", where blocking is allowed.
     */
    default Optional<Result> fromMemory(String presentedKey) {
        return Optional.empty();
    }

    /** What happened. */
    sealed interface Result permits Identified, Unknown, NotUsable {
    }

    /** The caller is {@code principal}. */
    record Identified(Principal principal) implements Result {
        public Identified {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /** Not a key or session Gatehouse knows (malformed, never minted, or the wrong secret): not saying which. */
    record Unknown() implements Result {
    }

    /** A real key that does not work (any more), and why; for logs and counters, not for the client. */
    record NotUsable(ApiKeyId key, Why why) implements Result {
        public NotUsable {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Why a known key does not work. */
    enum Why {
        REVOKED, EXPIRED,
        /** The owner is locked, pending, deleted, or newer than the key (an earlier account of that name). */
        OWNER_NOT_ACTIVE
    }
}
