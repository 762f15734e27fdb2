package dev.gatehouse.crypto;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.PasswordHasher.Verification;

/** One stored-hash format the delegating hasher can recognise and verify. */
interface HashScheme {

    /** A short label for log lines, e.g. {@code $argon2id$}; never part of a real hash. */
    String label();

    /** True when {@code storedHash} has this scheme's shape (it may still be malformed). */
    boolean recognises(String storedHash);

    /**
     * Checks {@code password}; returns MATCH, MATCH_NEEDS_REHASH or MISMATCH.
     *
     * @throws UnsupportedHashException when the stored value is malformed or out of range
     */
    Verification verify(Password password, String storedHash) throws UnsupportedHashException;
}
