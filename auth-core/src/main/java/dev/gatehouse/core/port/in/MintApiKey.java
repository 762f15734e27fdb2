package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a new API key for a user and shows its secret once. Users mint their own keys;
 * administrators (and the operator at the command line) for any active user. A non-administrator
 * naming someone else is refused ({@link Refused.Reason#NOT_ALLOWED}) rather than quietly given a
 * key of their own. Only keys of this kind are ever made: imported and configured keys are never
 * minted.
 */
public interface MintApiKey {

    Result mint(Command command);

    /**
     * Who asks; whose key it is (default: the actor, which the operator has not); its name (default
     * {@code <owner>-YYYY-MM-DD}, UTC); when it expires (default: the key policy's lifetime, unless
     * {@code neverExpires}); and the scopes that narrow it (empty: all the owner's rights).
     */
    record Command(Actor actor, Optional<Username> owner, Optional<String> name, Optional<Instant> expiresAt,
                   Set<String> scopes, boolean neverExpires) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expiresAt, "expiresAt");
            scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
        }

        /** A key that expires when asked, or after the policy's default lifetime. */
        public Command(Actor actor, Optional<Username> owner, Optional<String> name, Optional<Instant> expiresAt,
                       Set<String> scopes) {
            this(actor, owner, name, expiresAt, scopes, false);
        }
    }

    /** What happened. */
    sealed interface Result permits Minted, Refused {
    }

    /** The new key; {@code secret} is shown to the person once and stored nowhere. */
    record Minted(ApiKey key, String secret) implements Result {
        public Minted {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Minted[" + key + ", secret=******]";
        }
    }
}
