package dev.gatehouse.crypto;

import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MATCH;
import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MATCH_NEEDS_REHASH;
import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MISMATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.PasswordHasher;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PasswordHashersTest {

    @Test
    void theStandardHasherUsesTheRealOwaspSettings() {
        PasswordHasher standard = PasswordHashers.standard();

        String stored = standard.hash(Password.of("correct horse battery staple"));

        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertTrue(stored.matches(Argon2idSchemeTest.PHC_SHAPE), stored);
        assertEquals(MATCH, standard.verify(Password.of("correct horse battery staple"), stored));
        assertEquals(MISMATCH, standard.verify(Password.of("correct horse battery stapler"), stored));
    }

    @Test
    void theStandardHasherAsksToUpgradeHashesMadeWithTestSettings() {
        String weak = PasswordHashers.withParameters(Argon2idSchemeTest.FAST).hash(Password.of("pw"));

        assertEquals(MATCH_NEEDS_REHASH, PasswordHashers.standard().verify(Password.of("pw"), weak));
    }

    @Test
    void customSettingsAndRandomSourceAreUsed() {
        PasswordHasher hasher = PasswordHashers.withParameters(new Argon2idParameters(96, 1, 2),
                bytes -> Arrays.fill(bytes, (byte) 0));

        String stored = hasher.hash(Password.of("pw"));

        assertTrue(stored.startsWith("$argon2id$v=19$m=96,t=1,p=2$AAAAAAAAAAAAAAAAAAAAAA$"), stored);
        assertEquals(MATCH, hasher.verify(Password.of("pw"), stored));
    }
}
