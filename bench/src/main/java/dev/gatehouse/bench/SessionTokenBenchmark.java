package dev.gatehouse.bench;

import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.store.json.JsonStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Session-token checks per second through core's ValidateSession on the JSON store: a valid
 * token, a well-formed unknown token, and a malformed one (refused before any digest or lookup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SessionTokenBenchmark {

    @Param({"1000"})
    public int sessions;

    private Path directory;
    private Stores stores;
    private TokenDigests tokens;
    private ValidateSession validate;
    private String[] valid;
    private String unknown;

    @Setup(Level.Trial)
    public void openStoreWithSessions() throws IOException {
        directory = Files.createTempDirectory("gatehouse-bench");
        stores = JsonStores.open(directory);
        tokens = new TokenDigests(SecureRandomSource.system(), stores.secrets());
        Instant now = Instant.now();
        for (int u = 0; u < 100; u++) {
            stores.users().insert(User.create(Username.of("user" + u), "unused", Set.of(Role.USER), now));
        }
        valid = new String[sessions];
        for (int i = 0; i < sessions; i++) {
            valid[i] = tokens.newToken();
            stores.sessions().save(new Session(new SessionId(tokens.newId()), tokens.digest(valid[i]),
                    Username.of("user" + (i % 100)), now, now, now.plusSeconds(86_400), "127.0.0.1", "bench"));
        }
        unknown = tokens.newToken();
        validate = new UseCases(stores, PasswordHashers.standard(), Clock.systemUTC(), UseCases.Settings.defaults())
                .validateSession();
    }

    @TearDown(Level.Trial)
    public void removeStore() throws IOException {
        stores.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public Optional<ValidateSession.SignedInUser> validToken() {
        return validate.validate(valid[ThreadLocalRandom.current().nextInt(valid.length)]);
    }

    @Benchmark
    public Optional<ValidateSession.SignedInUser> unknownToken() {
        return validate.validate(unknown);
    }

    @Benchmark
    public Optional<ValidateSession.SignedInUser> malformedToken() {
        return validate.validate("not-a-session-token");
    }

    @Benchmark
    public String digestOnly() {
        return tokens.digest(unknown);
    }
}
