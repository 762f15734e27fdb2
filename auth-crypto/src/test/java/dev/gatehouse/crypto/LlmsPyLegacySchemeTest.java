package dev.gatehouse.crypto;

import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MATCH_NEEDS_REHASH;
import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MISMATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Password;
import org.junit.jupiter.api.Test;

class LlmsPyLegacySchemeTest {

    private static final String SALT = "00112233445566778899aabbccddeeff";
    // The two worked examples in COMPAT.md, read from llms.py 4.0.13.
    static final String CORRECT_HORSE =
            SALT + ":82c4a00827ca8a6b9dde5ca9589ef0e26f6a1006d22108e58f09f7efae6f97fe";
    private static final String PASSWOERD =
            SALT + ":b13d3cdfff04434887f8028a05ac7335db86264cb79c04e77014374864bd1e4d";

    private final LlmsPyLegacyScheme scheme = new LlmsPyLegacyScheme();

    @Test
    void theCompatExampleMatchesAndAlwaysNeedsRehash() throws Exception {
        assertEquals(MATCH_NEEDS_REHASH, scheme.verify(Password.of("correct horse"), CORRECT_HORSE));
    }

    @Test
    void nonAsciiPasswordsAreHashedAsUtf8WithoutNormalisation() throws Exception {
        assertEquals(MATCH_NEEDS_REHASH, scheme.verify(Password.of("pässwörd"), PASSWOERD));
        // "ä" as a plus combining diaeresis is different text, as it is for llms.py.
        assertEquals(MISMATCH, scheme.verify(Password.of("pa\u0308sswörd"), PASSWOERD));
    }

    @Test
    void aDigestComputedWithSha256sumMatches() throws Exception {
        // printf '%s' "5f0c8e1ad3b2947766e1c0ffee42d00dGatehouse ⛩ 2025" | sha256sum
        String stored = "5f0c8e1ad3b2947766e1c0ffee42d00d:"
                + "d6367917b2d4ae2642f51b03b2c7d21dfec1f1b70457ebf9619e4abcc98a85cd";

        assertEquals(MATCH_NEEDS_REHASH, scheme.verify(Password.of("Gatehouse ⛩ 2025"), stored));
    }

    @Test
    void aWrongPasswordDoesNotMatch() throws Exception {
        assertEquals(MISMATCH, scheme.verify(Password.of("correct horse "), CORRECT_HORSE));
        assertEquals(MISMATCH, scheme.verify(Password.of("Correct horse"), CORRECT_HORSE));
    }

    @Test
    void recognisesSaltColonDigestButNotPhcStrings() {
        assertTrue(scheme.recognises(CORRECT_HORSE));
        assertFalse(scheme.recognises("$argon2id$v=19$m=64,t=1,p=1$a:b$c"));
        assertFalse(scheme.recognises("plaintext"));
    }

    @Test
    void uppercaseOrShortHexIsRefusedRatherThanGuessed() {
        assertThrows(UnsupportedHashException.class,
                () -> scheme.verify(Password.of("correct horse"), CORRECT_HORSE.toUpperCase()));
        assertThrows(UnsupportedHashException.class,
                () -> scheme.verify(Password.of("correct horse"), CORRECT_HORSE.substring(0, 90)));
    }
}
