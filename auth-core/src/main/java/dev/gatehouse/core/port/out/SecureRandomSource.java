package dev.gatehouse.core.port.out;

import java.security.SecureRandom;

/**
 * Where secrets get their randomness. Production uses {@link #system()}; tests may replace it
 * to make tokens predictable.
 */
@FunctionalInterface
public interface SecureRandomSource {

    /** Fills {@code bytes} with cryptographically strong random bytes. */
    void nextBytes(byte[] bytes);

    /** Returns {@code length} fresh random bytes. */
    default byte[] bytes(int length) {
        byte[] out = new byte[length];
        nextBytes(out);
        return out;
    }

    /** The JDK's strong generator. */
    static SecureRandomSource system() {
        SecureRandom random = new SecureRandom();
        return random::nextBytes;
    }
}
