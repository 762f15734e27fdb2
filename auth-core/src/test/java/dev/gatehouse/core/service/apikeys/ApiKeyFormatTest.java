package dev.gatehouse.core.service.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.port.out.SecureRandomSource;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Gatehouse keys carry a prefix, 256 random bits and a checksum that catches typos without a store. */
class ApiKeyFormatTest {

    private final SecureRandomSource random = SecureRandomSource.system();

    @Test
    void aNewKeyIsThePrefixFortyThreeRandomCharactersAndSixOfChecksum() {
        String key = ApiKeyFormat.newKey(random);
        assertEquals(54, key.length());
        assertTrue(key.startsWith("gate_"), key);
        assertTrue(key.substring(5).matches("[0-9A-Za-z]{49}"), key);
        assertTrue(ApiKeyFormat.looksValid(key), key);
        assertEquals(key.substring(0, 12), ApiKeyFormat.displayPrefix(key));
    }

    @Test
    void everyOneCharacterTypoIsCaught() {
        String key = ApiKeyFormat.newKey(random);
        for (int i = 5; i < key.length(); i++) {
            char typo = key.charAt(i) == 'x' ? 'y' : 'x';
            String mistyped = key.substring(0, i) + typo + key.substring(i + 1);
            assertFalse(ApiKeyFormat.looksValid(mistyped), mistyped);
        }
        String swapped = key.substring(0, 10) + key.charAt(11) + key.charAt(10) + key.substring(12);
        assertTrue(swapped.equals(key) || !ApiKeyFormat.looksValid(swapped), swapped);
    }

    @Test
    void otherProductsKeysAndCutOrPaddedKeysAreNotKeys() {
        String key = ApiKeyFormat.newKey(random);
        for (String other : new String[] {null, "", "gate_", key.substring(0, 53), key + "A", " " + key.substring(1),
                "GATE_" + key.substring(5), "lai-" + "0123456789abcdef".repeat(4), "sk-" + key.substring(3),
                "ghp_" + key.substring(4), key.replace('_', '-')}) {
            assertFalse(ApiKeyFormat.looksValid(other), String.valueOf(other));
        }
    }

    @Test
    void theChecksumIsTheCrc32OfEverythingBeforeItInBase62() {
        assertEquals("000000", ApiKeyFormat.checksum(""));
        // CRC32("gate_") = 0xde0cdf2d = 3725385517 = 4,4,7,46,33,11 in base 62, most significant first
        assertEquals(3725385517L, crc("gate_"));
        assertEquals("447KxB", ApiKeyFormat.checksum("gate_"));
    }

    @Test
    void idsAreSixteenBase62CharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ApiKeyFormat.newId(random).value();
            assertTrue(id.matches("[0-9A-Za-z]{16}"), id);
            assertTrue(seen.add(id), id);
        }
    }

    @Test
    void everyBase62CharacterTurnsUpInKeys() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ApiKeyFormat.newKey(random).substring(5, 48).chars().forEach(c -> seen.add((char) c));
        }
        assertEquals(62, seen.size());
    }

    private static long crc(String text) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return crc.getValue();
    }
}
