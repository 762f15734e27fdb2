package dev.gatehouse.core.service;

import dev.gatehouse.core.model.Password;
import java.util.Optional;

/**
 * What a new password must be. Only length is judged (NIST SP 800-63B: no composition rules).
 * Existing passwords are never re-judged at sign-in, so imported users keep signing in.
 */
public record PasswordPolicy(int minLength) {

    public PasswordPolicy {
        if (minLength < 1) {
            throw new IllegalArgumentException("The minimum password length must be at least 1, was " + minLength);
        }
    }

    /** At least 8 characters. */
    public static PasswordPolicy defaults() {
        return new PasswordPolicy(8);
    }

    /** Why {@code password} is not acceptable, or empty if it is. */
    public Optional<String> problemWith(Password password) {
        int length = password.value().codePointCount(0, password.value().length());
        if (length < minLength) {
            return Optional.of("The password is " + length + " characters long; use at least " + minLength + ".");
        }
        return Optional.empty();
    }
}
