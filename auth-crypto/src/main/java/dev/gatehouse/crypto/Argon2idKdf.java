package dev.gatehouse.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** The one place that calls Bouncy Castle, so the RFC 9106 vector tests exactly what we use. */
final class Argon2idKdf {

    private static final byte[] NONE = new byte[0];

    private Argon2idKdf() {
    }

    /** The Argon2id (version 0x13) tag of {@code password}, {@code parameters.hashLength()} bytes long. */
    static byte[] derive(Argon2idParameters parameters, byte[] password, byte[] salt) {
        return derive(parameters, password, salt, NONE, NONE);
    }

    /** As above with the optional secret (pepper) and associated data; only the RFC vector uses them. */
    static byte[] derive(Argon2idParameters parameters, byte[] password, byte[] salt,
                         byte[] secret, byte[] associatedData) {
        Argon2Parameters bcParameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .withSecret(secret)
                .withAdditional(associatedData)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(bcParameters);
        byte[] tag = new byte[parameters.hashLength()];
        generator.generateBytes(password, tag);
        return tag;
    }
}
