package dev.gatehouse.crypto;

import dev.gatehouse.core.model.Password;
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
        byte[] actual = derive(stored.parameters(), password, stored.salt());
        if (!MessageDigest.isEqual(actual, stored.hash())) {
            return Verification.MISMATCH;
        }
        return stored.parameters().isWeakerThan(target) ? Verification.MATCH_NEEDS_REHASH : Verification.MATCH;
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
