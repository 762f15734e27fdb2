package dev.gatehouse.crypto;

import static dev.gatehouse.core.port.out.PasswordHasher.Verification.UNSUPPORTED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.PasswordHasher.Verification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every stored value we cannot read is UNSUPPORTED, logged once, and never thrown at the caller. */
class FailClosedTest {

    private static final String PASSWORD = "Sup3r-Secret!";
    private static final String SALT = "c29tZXNhbHQ";
    private static final String TAG = "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    private final PasswordHasher hasher = new DelegatingPasswordHasher(Argon2idSchemeTest.FAST);

    @ParameterizedTest(name = "[{index}] {0}")
    @NullSource
    @ValueSource(strings = {
        "", "   ", "hunter2", "{bcrypt}whatever", "$", "$$", "$argon2id", "$argon2id$", "$argon2id$garbage",
        // truncated: no tag, tag cut to an impossible length, tag cut so its last character is not canonical
        "$argon2id$v=19$m=65536,t=2,p=1$" + SALT,
        "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "$",
        "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRP",
        "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPP",
        "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "$" + TAG + "=",
        "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "$" + TAG + "$extra",
        "$argon2id$v=19$m=256,t=2,p=2$" + SALT + "$bQk8UB_VmZZF4Oo79iDXuL5_0ttZwg2f_5U52iv1cDc",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZQ$" + TAG,
        "$argon2id$v=19$m=65536,t=2,p=1$" + SALT + "$c29tZXNhbHQ",
        // versions, order, signs, leading zeros and absurd costs
        "$argon2id$v=16$m=65536,t=2,p=1$" + SALT + "$" + TAG,
        "$argon2id$m=65536,t=2,p=1$" + SALT + "$" + TAG,
        "$argon2id$v=19$t=2,m=65536,p=1$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=065536,t=2,p=1$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=-1,t=2,p=1$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=65536,t=2,p=1,keyid=abc$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=4000000000,t=2,p=1$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=99999999999,t=2,p=1$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=1048577,t=2,p=1$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=65536,t=4000000000,p=1$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=65536,t=1000,p=1$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=65536,t=0,p=1$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=65536,t=2,p=0$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=65536,t=2,p=100000$" + SALT + "$" + TAG,
        "$argon2id$v=19$m=8,t=2,p=4$" + SALT + "$" + TAG,
        // other schemes
        "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2d$v=19$m=65536,t=2,p=1$" + SALT + "$" + TAG,
        "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "$scrypt$ln=17,r=8,p=1$c29tZXNhbHQ$" + TAG,
        "scrypt$131072$ABEiM0RVZneImaq7zN3u/w==$5ysA+/PAHNOVtg3KGrIxB1MBGDw85aTtaOdVpSdS+MPWQg",
        // llms.py shapes gone wrong
        ":", "00112233445566778899aabbccddeeff:",
        "zz112233445566778899aabbccddeeff:82c4a00827ca8a6b9dde5ca9589ef0e26f6a1006d22108e58f09f7efae6f97fe",
        "0011:82c4a00827ca8a6b9dde5ca9589ef0e26f6a1006d22108e58f09f7efae6f97fe",
        "00112233445566778899aabbccddeeff:82c4a00827ca8a6b9dde5ca9589ef0e26f6a1006d22108e58f09f7efae6f97f",
        "00112233445566778899aabbccddeeff:82c4a00827ca8a6b9dde5ca9589ef0e26f6a1006d22108e58f09f7efae6f97fg",
        "00112233445566778899AABBCCDDEEFF:82C4A00827CA8A6B9DDE5CA9589EF0E26F6A1006D22108E58F09F7EFAE6F97FE",
        "00112233445566778899aabbccddeeff:82c4a00827ca8a6b9dde5ca9589ef0e26f6a1006d22108e58f09f7efae6f97fe:x",
        " 00112233445566778899aabbccddeeff:82c4a00827ca8a6b9dde5ca9589ef0e26f6a1006d22108e58f09f7efae6f97fe",
    })
    void anUnreadableStoredHashIsUnsupportedLoggedOnceAndNeverThrown(String stored) {
        try (CapturedLog log = new CapturedLog()) {
            Verification result = assertDoesNotThrow(() -> hasher.verify(Password.of(PASSWORD), stored));

            assertEquals(UNSUPPORTED, result);
            assertEquals(1, log.messages().size(), log.messages().toString());
            String line = log.messages().get(0);
            assertFalse(line.contains(PASSWORD), line);
            assertFalse(stored != null && stored.length() > 12 && line.contains(stored), line);
            assertFalse(line.contains(SALT) || line.contains("82c4a008"), line);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {513, 100_000})
    void anAbsurdlyLongStoredValueIsRefusedBeforeParsing(int length) {
        String stored = "$argon2id$v=19$m=64,t=1,p=1$" + "A".repeat(length);
        try (CapturedLog log = new CapturedLog()) {
            assertEquals(UNSUPPORTED, hasher.verify(Password.of(PASSWORD), stored));
            assertEquals(1, log.messages().size());
        }
    }
}
