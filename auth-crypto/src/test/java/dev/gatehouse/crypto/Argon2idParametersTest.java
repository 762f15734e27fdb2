package dev.gatehouse.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2idParametersTest {

    @Test
    void owaspDefaultsAre19MiBTwoPassesOneLaneWithA16ByteSaltAnd32ByteTag() {
        assertEquals(new Argon2idParameters(19_456, 2, 1, 16, 32), Argon2idParameters.owasp());
    }

    @Test
    void memoryBelowEightKiBPerLaneIsRefusedWithTheSmallestValidValue() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(31, 1, 4));
        assertTrue(error.getMessage().contains("m=31"), error.getMessage());
        assertTrue(error.getMessage().contains("m >= 32"), error.getMessage());
    }

    @Test
    void memoryAboveOneGibibyteIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Argon2idParameters(Argon2idParameters.MAX_MEMORY_KIB + 1, 2, 1));
        assertTrue(error.getMessage().contains("1 GiB"), error.getMessage());
    }

    @Test
    void zeroOrAbsurdPassesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(64, 0, 1));
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(64, 1000, 1));
        assertTrue(error.getMessage().contains("iterations t is 1000"), error.getMessage());
    }

    @Test
    void shortSaltsAndTagsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(64, 1, 1, 7, 32));
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(64, 1, 1, 16, 15));
        assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(64, 1, 0));
    }

    @Test
    void lessMemoryFewerPassesOrShorterSaltOrTagIsWeaker() {
        Argon2idParameters target = Argon2idParameters.owasp();

        assertTrue(new Argon2idParameters(19_455, 2, 1).isWeakerThan(target));
        assertTrue(new Argon2idParameters(19_456, 1, 1).isWeakerThan(target));
        assertTrue(new Argon2idParameters(19_456, 2, 1, 8, 32).isWeakerThan(target));
        assertTrue(new Argon2idParameters(19_456, 2, 1, 16, 24).isWeakerThan(target));
    }

    @Test
    void equalOrStrongerSettingsAndOtherLaneCountsAreNotWeaker() {
        Argon2idParameters target = Argon2idParameters.owasp();

        assertFalse(target.isWeakerThan(target));
        assertFalse(new Argon2idParameters(65_536, 3, 1).isWeakerThan(target));
        assertFalse(new Argon2idParameters(19_456, 2, 4).isWeakerThan(target));
    }
}
