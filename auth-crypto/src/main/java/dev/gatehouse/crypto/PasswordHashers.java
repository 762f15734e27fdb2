package dev.gatehouse.crypto;

import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SecureRandomSource;

/** Ready-made {@link PasswordHasher}s for library users: no framework, just call a method. */
public final class PasswordHashers {

    private PasswordHashers() {
    }

    /** Argon2id with OWASP's settings (m=19456 KiB, t=2, p=1) and the JDK's strong generator. */
    public static PasswordHasher standard() {
        return withParameters(Argon2idParameters.owasp());
    }

    /** Argon2id with your own settings, e.g. more memory on a larger server. */
    public static PasswordHasher withParameters(Argon2idParameters parameters) {
        return new DelegatingPasswordHasher(parameters);
    }

    /** Argon2id with your own settings and source of salts (tests use a fixed one). */
    public static PasswordHasher withParameters(Argon2idParameters parameters, SecureRandomSource random) {
        return new DelegatingPasswordHasher(parameters, random);
    }
}
