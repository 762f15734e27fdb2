package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.accounts.Password;

/**
 * Turns passwords into stored hashes and checks passwords against them.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #hash} returns a self-describing string that names its scheme and parameters
 *       (an Argon2id PHC string, {@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}) with a fresh
 *       random salt, so hashing one password twice gives two different strings.</li>
 *   <li>{@link #verify} never throws for a bad stored value: an unknown, malformed or truncated
 *       hash is {@link Verification#UNSUPPORTED} (fail closed), logged once with what is wrong,
 *       never with the password.</li>
 *   <li>{@link Verification#MATCH_NEEDS_REHASH} means the password is right but the stored hash
 *       uses an old scheme or weaker parameters; the caller should store {@link #hash} of it.</li>
 *   <li>Comparison is constant-time in the length of the digest.</li>
 *   <li>{@link #verify} costs at least one hash at the current settings, whatever is stored (a
 *       cheap legacy hash, an unreadable one), so timing does not tell accounts apart.</li>
 * </ul>
 */
public interface PasswordHasher {

    /** The outcome of checking a password against a stored hash. */
    enum Verification {
        MATCH, MATCH_NEEDS_REHASH, MISMATCH, UNSUPPORTED;

        public boolean matched() {
            return this == MATCH || this == MATCH_NEEDS_REHASH;
        }
    }

    /** Hashes {@code password} with the current scheme and a new salt. */
    String hash(Password password);

    /** Checks {@code password} against {@code storedHash}; never throws for a bad stored value. */
    Verification verify(Password password, String storedHash);
}
