package dev.gatehouse.bench;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.PasswordHasher.Verification;
import dev.gatehouse.crypto.PasswordHashers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one sign-in costs: Argon2id at OWASP settings (hash and verify) against llms.py's single
 * SHA-256, through the same {@link PasswordHasher} the server uses.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
public class PasswordHashingBenchmark {

    // The worked example in COMPAT.md, as llms.py 4.0.13 writes it.
    private static final String LLMS_PY_HASH = "00112233445566778899aabbccddeeff:"
            + "82c4a00827ca8a6b9dde5ca9589ef0e26f6a1006d22108e58f09f7efae6f97fe";

    private PasswordHasher hasher;
    private Password password;
    private Password legacyPassword;
    private String argon2idHash;

    @Setup
    public void setUp() {
        hasher = PasswordHashers.standard();
        password = Password.of("correct horse battery staple");
        legacyPassword = Password.of("correct horse");
        argon2idHash = hasher.hash(password);
        // Measure the success path: a benchmark of a silently failing verify would be meaningless.
        expect(Verification.MATCH, hasher.verify(password, argon2idHash));
        expect(Verification.MATCH_NEEDS_REHASH, hasher.verify(legacyPassword, LLMS_PY_HASH));
    }

    @Benchmark
    public String argon2idHashOwasp() {
        return hasher.hash(password);
    }

    @Benchmark
    public Verification argon2idVerifyOwasp() {
        return hasher.verify(password, argon2idHash);
    }

    @Benchmark
    public Verification llmsPyLegacyVerify() {
        return hasher.verify(legacyPassword, LLMS_PY_HASH);
    }

    private static void expect(Verification expected, Verification actual) {
        if (expected != actual) {
            throw new IllegalStateException("Benchmark set-up expected " + expected + " but got " + actual);
        }
    }
}
