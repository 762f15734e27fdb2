package dev.gatehouse.crypto;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SecureRandomSource;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashes with Argon2id and verifies every scheme Gatehouse can read (Argon2id, llms.py), chosen
 * by the stored hash's shape; anything else fails closed as {@code UNSUPPORTED} with one log line.
 *
 * <p>Every verification costs at least one Argon2id computation at the current settings: a cheap
 * llms.py hash or an unreadable one is followed by a check against a pad hash, so the time a wrong
 * password takes does not tell an attacker which accounts exist or which still have old hashes.
 * At most two hashes per core run at once, so a burst of sign-ins cannot exhaust memory.
 */
public final class DelegatingPasswordHasher implements PasswordHasher {

    private static final System.Logger LOG = System.getLogger(DelegatingPasswordHasher.class.getName());
    /** No supported hash comes near this; longer input is refused before any parsing. */
    private static final int MAX_STORED_LENGTH = 512;
    private static final Pattern PHC_PREFIX = Pattern.compile("^\\$[A-Za-z0-9.-]{1,32}\\$");

    private final Argon2idParameters parameters;
    private final Argon2idScheme argon2id;
    private final List<HashScheme> schemes;
    private final Semaphore concurrentHashes = new Semaphore(2 * Runtime.getRuntime().availableProcessors(), true);
    private volatile String padHash;

    /** Hashes with {@code parameters}, taking salts from {@code random}. */
    public DelegatingPasswordHasher(Argon2idParameters parameters, SecureRandomSource random) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.argon2id = new Argon2idScheme(parameters, Objects.requireNonNull(random, "random"));
        this.schemes = List.of(argon2id, new LlmsPyLegacyScheme());
    }

    /** Hashes with {@code parameters}, taking salts from the JDK's strong generator. */
    public DelegatingPasswordHasher(Argon2idParameters parameters) {
        this(parameters, SecureRandomSource.system());
    }

    /** The settings new hashes are made with; stored hashes weaker than these need a rehash. */
    public Argon2idParameters parameters() {
        return parameters;
    }

    @Override
    public String hash(Password password) {
        Objects.requireNonNull(password, "password");
        return bounded(() -> argon2id.hash(password));
    }

    @Override
    public Verification verify(Password password, String storedHash) {
        Objects.requireNonNull(password, "password");
        Verification result = bounded(() -> verifyAnyScheme(password, storedHash));
        if (storedHash == null || !argon2id.recognises(storedHash) || result == Verification.UNSUPPORTED) {
            bounded(() -> argon2id.verify(password, padHash()));
        }
        return result;
    }

    private Verification verifyAnyScheme(Password password, String storedHash) {
        String problem = shapeProblem(storedHash);
        if (problem != null) {
            return unsupported(problem);
        }
        for (HashScheme scheme : schemes) {
            if (scheme.recognises(storedHash)) {
                return verifyWith(scheme, password, storedHash);
            }
        }
        return unsupported(unknownScheme(storedHash));
    }

    private String padHash() {
        String pad = padHash;
        if (pad == null) {
            pad = argon2id.hash(Password.of("gatehouse-timing-pad"));
            padHash = pad;
        }
        return pad;
    }

    private <T> T bounded(CheckedSupplier<T> work) {
        concurrentHashes.acquireUninterruptibly();
        try {
            return work.get();
        } catch (UnsupportedHashException impossible) {
            // Only the pad hash reaches here unchecked, and we made it ourselves.
            throw new IllegalStateException("the timing pad hash could not be read", impossible);
        } finally {
            concurrentHashes.release();
        }
    }

    /** A supplier that may refuse a malformed hash. */
    @FunctionalInterface
    private interface CheckedSupplier<T> {
        T get() throws UnsupportedHashException;
    }

    private static Verification verifyWith(HashScheme scheme, Password password, String storedHash) {
        try {
            return scheme.verify(password, storedHash);
        } catch (UnsupportedHashException malformed) {
            return unsupported("the " + scheme.label() + " hash " + malformed.getMessage());
        } catch (RuntimeException bug) {
            // Even a library bug must fail closed rather than turn a sign-in into a server error.
            return unsupported("verifying a " + scheme.label() + " hash failed unexpectedly with "
                    + bug.getClass().getName());
        }
    }

    private static String shapeProblem(String storedHash) {
        if (storedHash == null || storedHash.isBlank()) {
            return "the stored hash is " + (storedHash == null ? "missing (null)" : "empty");
        }
        if (storedHash.length() > MAX_STORED_LENGTH) {
            return "the stored hash is " + storedHash.length() + " characters long; no supported"
                    + " scheme is longer than " + MAX_STORED_LENGTH;
        }
        return null;
    }

    private static String unknownScheme(String storedHash) {
        Matcher prefix = PHC_PREFIX.matcher(storedHash);
        if (prefix.find()) {
            return "scheme " + prefix.group() + " is not supported (supported: $argon2id$ v=19,"
                    + " llms.py salt:sha256)";
        }
        return "the stored hash is neither a PHC string ($<scheme>$...) nor an llms.py <salt>:<digest> pair";
    }

    // One line, WARNING: an account whose hash cannot be read is locked out until an admin acts.
    private static Verification unsupported(String problem) {
        LOG.log(Level.WARNING, "Password not checked: " + problem
                + ". Treated as no match; reset this user's password to let them sign in again.");
        return Verification.UNSUPPORTED;
    }
}
