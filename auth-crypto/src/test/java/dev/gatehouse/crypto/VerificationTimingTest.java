package dev.gatehouse.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.PasswordHasher.Verification;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A wrong password must cost about the same whatever kind of hash is stored: otherwise timing
 * separates imported llms.py accounts (one SHA-256) and broken ones from unknown users (checked
 * against an Argon2id dummy). The margin is wide: without the pad the ratio is below 0.01.
 */
class VerificationTimingTest {

    private final PasswordHasher hasher = new DelegatingPasswordHasher(new Argon2idParameters(8192, 2, 1));
    private final String own = hasher.hash(Password.of("the right one"));

    @Test
    void aWrongPasswordOnAnLlmsPyHashCostsAsMuchAsOnAnArgon2idHash() {
        double ratio = medianMillis(LlmsPyLegacySchemeTest.CORRECT_HORSE) / medianMillis(own);
        assertTrue(ratio > 0.4, "llms.py hash took " + ratio + " of the Argon2id time");
    }

    @Test
    void aWrongPasswordOnAnUnreadableHashCostsAsMuchAsOnAnArgon2idHash() {
        double ratio = medianMillis("$2b$10$notabcrypthashatall") / medianMillis(own);
        assertTrue(ratio > 0.4, "unreadable hash took " + ratio + " of the Argon2id time");
    }

    @Test
    void thePadNeverChangesTheAnswer() {
        assertEquals(Verification.MATCH_NEEDS_REHASH,
                hasher.verify(Password.of("correct horse"), LlmsPyLegacySchemeTest.CORRECT_HORSE));
        assertEquals(Verification.MISMATCH, hasher.verify(Password.of("wrong"), LlmsPyLegacySchemeTest.CORRECT_HORSE));
        assertEquals(Verification.UNSUPPORTED, hasher.verify(Password.of("x"), "garbage"));
    }

    @Test
    void aStoredHashAskingForFarMoreMemoryThanOursIsNotComputed() {
        // m=1 GiB is a valid Argon2id setting, but 4 times our m is all one sign-in may cost.
        String hostile = "$argon2id$v=19$m=1048576,t=32,p=1$c29tZXNhbHRzb21lc2FsdA$c29tZXNhbHRzb21lc2FsdHNvbWVzYWx0c29tZXNhbHQ";
        long start = System.nanoTime();
        assertEquals(Verification.UNSUPPORTED, hasher.verify(Password.of("anything"), hostile));
        assertTrue((System.nanoTime() - start) / 1e9 < 5, "the hostile hash was computed");
    }

    private double medianMillis(String stored) {
        hasher.verify(Password.of("warm-up"), stored);
        double[] times = new double[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            hasher.verify(Password.of("not the password " + i), stored);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
