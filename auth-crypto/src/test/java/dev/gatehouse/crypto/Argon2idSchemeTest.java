package dev.gatehouse.crypto;

import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MATCH;
import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MATCH_NEEDS_REHASH;
import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MISMATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.SecureRandomSource;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Argon2idSchemeTest {

    /** Small enough to keep the suite fast; the OWASP settings are exercised in PasswordHashersTest. */
    static final Argon2idParameters FAST = new Argon2idParameters(64, 1, 1);
    static final String PHC_SHAPE =
            "\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}";

    private final Argon2idScheme scheme = new Argon2idScheme(FAST, SecureRandomSource.system());

    @Test
    void hashesToAPhcStringWithUnpaddedStandardBase64() {
        String stored = scheme.hash(Password.of("correct horse"));

        assertTrue(stored.matches(PHC_SHAPE), stored);
        assertTrue(stored.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), stored);
    }

    @Test
    void theRightPasswordMatchesItsOwnHash() throws Exception {
        String stored = scheme.hash(Password.of("correct horse"));

        assertEquals(MATCH, scheme.verify(Password.of("correct horse"), stored));
    }

    @Test
    void aWrongPasswordDoesNotMatch() throws Exception {
        String stored = scheme.hash(Password.of("correct horse"));

        assertEquals(MISMATCH, scheme.verify(Password.of("correct horsE"), stored));
        assertEquals(MISMATCH, scheme.verify(Password.of(""), stored));
    }

    @Test
    void hashingOnePasswordTwiceGivesDifferentSaltsAndStrings() {
        String first = scheme.hash(Password.of("same"));
        String second = scheme.hash(Password.of("same"));

        assertNotEquals(first.split("\\$")[4], second.split("\\$")[4]);
        assertNotEquals(first, second);
    }

    @Test
    void saltsComeFromTheGivenRandomSource() {
        SecureRandomSource sevens = bytes -> Arrays.fill(bytes, (byte) 7);
        Argon2idScheme predictable = new Argon2idScheme(FAST, sevens);

        String stored = predictable.hash(Password.of("pw"));

        assertEquals("BwcHBwcHBwcHBwcHBwcHBw", stored.split("\\$")[4]);
        assertEquals(stored, predictable.hash(Password.of("pw")));
    }

    @Test
    void unicodePasswordsRoundTripAsUtf8() throws Exception {
        String stored = scheme.hash(Password.of("pässwörd ⛩"));

        assertEquals(MATCH, scheme.verify(Password.of("pässwörd ⛩"), stored));
        assertEquals(MISMATCH, scheme.verify(Password.of("passwort ⛩"), stored));
    }

    @Test
    void aHashFromTheReferenceImplementationVerifies() throws Exception {
        // phc-winner-argon2 src/test.c, Argon2id, t=2, m=2^16, p=1, "password", salt "somesalt".
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        // MATCH_NEEDS_REHASH, not MATCH: its 8-byte salt is shorter than our 16 bytes.
        assertEquals(MATCH_NEEDS_REHASH, scheme.verify(Password.of("password"), reference));
        assertEquals(MISMATCH, scheme.verify(Password.of("differentpassword"), reference));
    }

    @Test
    void aTwoLaneHashFromTheReferenceImplementationVerifies() throws Exception {
        String reference = "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc";

        assertTrue(scheme.verify(Password.of("password"), reference).matched());
    }

    @Test
    void theReadmesArgon2iOutputRelabelledAsArgon2idDoesNotMatch() throws Exception {
        // The reference README's example is Argon2i ("$argon2i$...RdescudvJ..."); the variant is part
        // of the computation, so the same tag under an $argon2id$ label must not verify.
        String relabelled = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";

        assertEquals(MISMATCH, scheme.verify(Password.of("password"), relabelled));
    }

    @Test
    void aMatchingHashWithWeakerSettingsNeedsRehash() throws Exception {
        Argon2idScheme stronger = new Argon2idScheme(new Argon2idParameters(128, 2, 1), SecureRandomSource.system());
        String weak = scheme.hash(Password.of("pw"));

        assertEquals(MATCH_NEEDS_REHASH, stronger.verify(Password.of("pw"), weak));
        assertEquals(MISMATCH, stronger.verify(Password.of("nope"), weak));
    }

    @Test
    void aMatchingHashWithStrongerSettingsDoesNotNeedRehash() throws Exception {
        Argon2idScheme stronger = new Argon2idScheme(new Argon2idParameters(128, 2, 1), SecureRandomSource.system());

        assertEquals(MATCH, scheme.verify(Password.of("pw"), stronger.hash(Password.of("pw"))));
    }
}
