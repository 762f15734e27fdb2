package dev.gatehouse.crypto;

/**
 * Argon2id cost settings: memory in KiB, passes, lanes, and salt and tag lengths in bytes.
 *
 * <p>The same limits guard the settings we hash with and the ones read back from a stored
 * hash, so a corrupted or hostile stored value cannot ask for more memory or time than a
 * server should ever spend on one sign-in.
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism,
                                 int saltLength, int hashLength) {

    /** 1 GiB: a stored hash asking for more is refused instead of exhausting the heap. */
    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    /** Passes above this would make a single verification take minutes. */
    public static final int MAX_ITERATIONS = 32;
    /** Lanes; Bouncy Castle runs them one after another, so this bounds bookkeeping only. */
    public static final int MAX_PARALLELISM = 64;
    /** The Argon2 reference refuses salts shorter than 8 bytes. */
    public static final int MIN_SALT_LENGTH = 8;
    public static final int MAX_SALT_LENGTH = 64;
    /** Tags shorter than 128 bits are too easy to collide with. */
    public static final int MIN_HASH_LENGTH = 16;
    public static final int MAX_HASH_LENGTH = 64;
    public static final int DEFAULT_SALT_LENGTH = 16;
    public static final int DEFAULT_HASH_LENGTH = 32;

    public Argon2idParameters {
        requireBetween("parallelism p", parallelism, 1, MAX_PARALLELISM, "lanes");
        requireBetween("iterations t", iterations, 1, MAX_ITERATIONS, "passes");
        requireBetween("salt length", saltLength, MIN_SALT_LENGTH, MAX_SALT_LENGTH, "bytes");
        requireBetween("hash length", hashLength, MIN_HASH_LENGTH, MAX_HASH_LENGTH, "bytes");
        // Argon2 needs two blocks of 1 KiB in each of the four slices of every lane.
        if (memoryKiB < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2id memory m=" + memoryKiB + " KiB is too small for p="
                    + parallelism + " lanes: Argon2 needs at least 8 KiB per lane, so use m >= "
                    + 8 * parallelism + " (OWASP recommends m=19456, t=2, p=1).");
        }
        if (memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id memory m=" + memoryKiB + " KiB is above the cap of "
                    + MAX_MEMORY_KIB + " KiB (1 GiB); use a smaller m (OWASP recommends m=19456).");
        }
    }

    /** Settings with the default 16-byte salt and 32-byte tag. */
    public Argon2idParameters(int memoryKiB, int iterations, int parallelism) {
        this(memoryKiB, iterations, parallelism, DEFAULT_SALT_LENGTH, DEFAULT_HASH_LENGTH);
    }

    /** OWASP's Password Storage Cheat Sheet minimum: m=19456 KiB (19 MiB), t=2, p=1. */
    public static Argon2idParameters owasp() {
        return new Argon2idParameters(19_456, 2, 1);
    }

    /**
     * True when a hash made with these settings is cheaper to attack than one made with
     * {@code target}. Parallelism is left out on purpose: lanes split the same memory and
     * passes, they do not add to an attacker's total cost.
     */
    public boolean isWeakerThan(Argon2idParameters target) {
        return memoryKiB < target.memoryKiB
                || iterations < target.iterations
                || saltLength < target.saltLength
                || hashLength < target.hashLength;
    }

    private static void requireBetween(String name, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Argon2id " + name + " is " + value + " " + unit
                    + "; it must be between " + min + " and " + max + " " + unit + ".");
        }
    }
}
