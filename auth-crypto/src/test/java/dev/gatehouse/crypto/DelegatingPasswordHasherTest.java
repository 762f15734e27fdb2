package dev.gatehouse.crypto;

import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MATCH;
import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MATCH_NEEDS_REHASH;
import static dev.gatehouse.core.port.out.PasswordHasher.Verification.MISMATCH;
import static dev.gatehouse.core.port.out.PasswordHasher.Verification.UNSUPPORTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.PasswordHasher.Verification;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelegatingPasswordHasherTest {

    private final PasswordHasher hasher = new DelegatingPasswordHasher(Argon2idSchemeTest.FAST);

    @Test
    void hashesNewPasswordsWithArgon2idAndTheConfiguredSettings() {
        String stored = hasher.hash(Password.of("correct horse"));

        assertTrue(stored.matches(Argon2idSchemeTest.PHC_SHAPE), stored);
        assertTrue(stored.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), stored);
    }

    @Test
    void itsOwnHashesMatchWithoutNeedingRehash() {
        String stored = hasher.hash(Password.of("correct horse"));

        assertEquals(MATCH, hasher.verify(Password.of("correct horse"), stored));
    }

    @Test
    void anLlmsPyHashMatchesAndAsksToBeReplaced() {
        Verification result = hasher.verify(Password.of("correct horse"), LlmsPyLegacySchemeTest.CORRECT_HORSE);

        assertEquals(MATCH_NEEDS_REHASH, result);
        assertTrue(result.matched());
    }

    @Test
    void aHashWithWeakerSettingsThanConfiguredAsksToBeReplaced() {
        String weak = hasher.hash(Password.of("pw"));
        PasswordHasher stronger = new DelegatingPasswordHasher(new Argon2idParameters(256, 2, 1));

        assertEquals(MATCH_NEEDS_REHASH, stronger.verify(Password.of("pw"), weak));
    }

    @Test
    void aWrongPasswordDoesNotMatchAndIsNotLogged() {
        try (CapturedLog log = new CapturedLog()) {
            assertEquals(MISMATCH, hasher.verify(Password.of("wrong"), hasher.hash(Password.of("right"))));
            assertEquals(MISMATCH, hasher.verify(Password.of("wrong"), LlmsPyLegacySchemeTest.CORRECT_HORSE));

            assertEquals(List.of(), log.messages());
        }
    }

    @Test
    void anUnreadableHashIsLoggedOnceNamingTheSchemeAndTheProblem() {
        try (CapturedLog log = new CapturedLog()) {
            hasher.verify(Password.of("pw"), "$argon2id$v=19$m=4000000000,t=2,p=1$c29tZXNhbHQ$c29tZXNhbHRzb21lc2FsdA");

            assertEquals(1, log.messages().size(), log.messages().toString());
            String line = log.messages().get(0);
            assertTrue(line.startsWith("WARNING "), line);
            assertTrue(line.contains("$argon2id$") && line.contains("m=4000000000"), line);
            assertFalse(line.contains("c29tZXNhbHQ"), line);
        }
    }

    @Test
    void aBcryptHashIsUnsupportedAndTheLogNamesOnlyItsPrefix() {
        String bcrypt = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
        try (CapturedLog log = new CapturedLog()) {
            assertEquals(UNSUPPORTED, hasher.verify(Password.of("pw"), bcrypt));

            assertTrue(log.messages().get(0).contains("scheme $2b$ is not supported"), log.messages().toString());
            assertFalse(log.messages().get(0).contains("R9h/"), log.messages().toString());
        }
    }
}
