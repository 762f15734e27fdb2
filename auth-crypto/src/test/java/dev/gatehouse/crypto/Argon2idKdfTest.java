package dev.gatehouse.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Argon2idKdfTest {

    private static byte[] repeat(int value, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void producesTheRfc9106Section53Argon2idTestVector() {
        // RFC 9106 5.3: Argon2id v0x13, m=32 KiB, t=3, p=4, 32-byte tag, with secret and associated data.
        Argon2idParameters parameters = new Argon2idParameters(32, 3, 4, 16, 32);

        byte[] tag = Argon2idKdf.derive(parameters, repeat(0x01, 32), repeat(0x02, 16),
                repeat(0x03, 8), repeat(0x04, 12));

        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659",
                HexFormat.of().formatHex(tag));
    }

    @Test
    void producesTheReferenceImplementationTagForTwoLanes() {
        // phc-winner-argon2 src/test.c: hashtest(0x13, t=2, m=2^8, p=2, "password", "somesalt", ...).
        byte[] salt = "somesalt".getBytes(StandardCharsets.US_ASCII);
        Argon2idParameters parameters = new Argon2idParameters(256, 2, 2, salt.length, 32);

        byte[] tag = Argon2idKdf.derive(parameters, "password".getBytes(StandardCharsets.US_ASCII), salt);

        assertEquals("6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037",
                HexFormat.of().formatHex(tag));
    }
}
