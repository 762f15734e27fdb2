package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be, after NIST SP 800-63B: long enough (15 characters when the
 * password is the only factor, 8 with a second one), at most {@link Password#MAX_LENGTH}, not one
 * of the most common passwords, not the username or the product's name, and not one character
 * repeated or a keyboard run. No composition rules, no expiry. Existing passwords are never
 * re-judged at sign-in, so imported users keep signing in.
 */
public record PasswordPolicy(int minLength, int minLengthWithSecondFactor, Set<String> common) {

    /** NIST SP 800-63B's minimum for a password that is the only factor. */
    public static final int SINGLE_FACTOR_MIN = 15;
    /** NIST SP 800-63B's minimum when a second factor is also required. */
    public static final int SECOND_FACTOR_MIN = 8;

    private static final Set<String> CONTEXT_WORDS = Set.of("gatehouse", "gatehouse-admin", "gatehouseadmin");

    public PasswordPolicy {
        if (minLengthWithSecondFactor < 1 || minLength < minLengthWithSecondFactor) {
            throw new IllegalArgumentException("Password minimums must be at least 1, and the single-factor one ("
                    + minLength + ") no smaller than the one with a second factor (" + minLengthWithSecondFactor + ").");
        }
        common = Set.copyOf(common);
    }

    /** 15 characters (8 with a second factor) and the common-password list shipped with Gatehouse. */
    public static PasswordPolicy defaults() {
        return new PasswordPolicy(SINGLE_FACTOR_MIN, SECOND_FACTOR_MIN, CommonPasswords.shipped());
    }

    /** Why {@code password} is not acceptable as a single factor, or empty if it is. */
    public Optional<String> problemWith(Password password) {
        return problemWith(password, Optional.empty(), false);
    }

    /** Why {@code password} is not acceptable for {@code username}'s single-factor account, or empty. */
    public Optional<String> problemWith(Password password, Username username) {
        return problemWith(password, Optional.of(username), false);
    }

    /** Why {@code password} is not acceptable, judged with or without a second factor, or empty. */
    public Optional<String> problemWith(Password password, Optional<Username> username, boolean secondFactor) {
        // Every rule judges what is between any spaces around it: " username " is still the username,
        // and spaces added to reach the length add nothing to guess.
        String core = password.value().strip();
        int length = core.codePointCount(0, core.length());
        int min = secondFactor ? minLengthWithSecondFactor : minLength;
        if (length < min) {
            return Optional.of("The password is " + length + " characters long; use at least " + min
                    + (secondFactor ? "." : " (a few unrelated words are long enough and easy to remember)."));
        }
        String folded = core.toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            return Optional.of("That password is one of the most common passwords, the first ones attackers try;"
                    + " choose another.");
        }
        if (username.map(name -> name.value().toLowerCase(Locale.ROOT).equals(folded)).orElse(false)
                || CONTEXT_WORDS.contains(folded)) {
            return Optional.of("The password may not be the username or the name of this service; choose another.");
        }
        if (PasswordPatterns.isRepetitive(core) || PasswordPatterns.isSequence(core)) {
            return Optional.of("The password is one short pattern repeated or a run of characters (like aaaa… or"
                    + " 1234…); choose another.");
        }
        return Optional.empty();
    }
}
