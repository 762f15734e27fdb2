package dev.gatehouse.crypto;

import dev.gatehouse.core.model.Password;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SecureRandomSource;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashes with Argon2id and verifies every scheme Gatehouse can read (Argon2id, llms.py), chosen
 * by the stored hash's shape; anything else fails closed as {@code UNSUPPORTED} with one log line.
 */
public final class DelegatingPasswordHasher implements PasswordHasher {

    private static final System.Logger LOG = System.getLogger(DelegatingPasswordHasher.class.getName());
    /** No supported hash comes near this; longer input is refused before any parsing. */
    private static final int MAX_STORED_LENGTH = 512;
    private static final Pattern PHC_PREFIX = Pattern.compile("^\\$[A-Za-z0-9.-]{1,32}\\$");

    private final Argon2idParameters parameters;
    private final Argon2idScheme argon2id;
    private final List<HashScheme> schemes;

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
        return argon2id.hash(Objects.requireNonNull(password, "password"));
    }

    @Override
    public Verification verify(Password password, String storedHash) {
        Objects.requireNonNull(password, "password");
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
