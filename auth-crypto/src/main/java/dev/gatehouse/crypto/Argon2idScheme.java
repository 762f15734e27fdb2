package dev.gatehouse.crypto;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.PasswordHasher.Verification;
import dev.gatehouse.core.port.out.SecureRandomSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/** Argon2id in PHC string form: the scheme new hashes are made with. */
final class Argon2idScheme implements HashScheme {

    private final Argon2idParameters target;
    private final SecureRandomSource random;

    Argon2idScheme(Argon2idParameters target, SecureRandomSource random) {
        this.target = Objects.requireNonNull(target, "target");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String label() {
        return Argon2idPhc.PREFIX;
    }

    @Override
    public boolean recognises(String storedHash) {
        return storedHash.startsWith(Argon2idPhc.PREFIX);
    }

    /** A PHC string for {@code password} with the target settings and a fresh salt. */
    String hash(Password password) {
        byte[] salt = random.bytes(target.saltLength());
        return new Argon2idPhc(target, salt, derive(target, password, salt)).format();
    }

    @Override
    public Verification verify(Password password, String storedHash) throws UnsupportedHashException {
        Argon2idPhc stored = Argon2idPhc.parse(storedHash);
        int cap = verificationMemoryCapKiB();
        if (stored.parameters().memoryKiB() > cap) {
            throw new UnsupportedHashException("asks for m=" + stored.parameters().memoryKiB() + " KiB, more than the "
                    + cap + " KiB this server spends on checking one password (4 times its own m)");
        }
        byte[] actual = derive(stored.parameters(), password, stored.salt());
        if (!MessageDigest.isEqual(actual, stored.hash())) {
            return Verification.MISMATCH;
        }
        return stored.parameters().isWeakerThan(target) ? Verification.MATCH_NEEDS_REHASH : Verification.MATCH;
    }

    /**
     * Stored hashes may be costlier than ours (made elsewhere, or before a settings change), but
     * not without bound: one hostile hash must not let anonymous sign-in attempts eat the heap.
     */
    int verificationMemoryCapKiB() {
        return Math.max(4 * target.memoryKiB(), 65_536);
    }

    private static byte[] derive(Argon2idParameters parameters, Password password, byte[] salt) {
        byte[] secret = password.value().getBytes(StandardCharsets.UTF_8);
        try {
            return Argon2idKdf.derive(parameters, secret, salt);
        } finally {
            // The String itself cannot be wiped; at least do not leave a second copy behind.
            Arrays.fill(secret, (byte) 0);
        }
    }
}
