package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A quick, insecure {@link PasswordHasher} for service tests: {@code test$salt$sha256}. Hashes
 * starting {@code old$} verify but ask for a rehash, standing in for llms.py's legacy hashes.
 * Counts verifications so tests can check unknown users cost a hash too.
 */
public final class FastTestHasher implements PasswordHasher {

    private final AtomicInteger salts = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();

    @Override
    public String hash(Password password) {
        String salt = Integer.toString(salts.incrementAndGet());
        return "test$" + salt + "$" + sha256(salt + password.value());
    }

    /** A hash in the "old" scheme that verifies but needs a rehash. */
    public String legacyHash(Password password) {
        return "old$" + sha256(password.value());
    }

    @Override
    public Verification verify(Password password, String storedHash) {
        verifications.incrementAndGet();
        String[] parts = storedHash.split("\\$");
        if (parts.length == 3 && parts[0].equals("test")) {
            return MessageDigest.isEqual(parts[2].getBytes(), sha256(parts[1] + password.value()).getBytes())
                    ? Verification.MATCH : Verification.MISMATCH;
        }
        if (parts.length == 2 && parts[0].equals("old")) {
            return parts[1].equals(sha256(password.value())) ? Verification.MATCH_NEEDS_REHASH : Verification.MISMATCH;
        }
        return Verification.UNSUPPORTED;
    }

    public int verifications() {
        return verifications.get();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
