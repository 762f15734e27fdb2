package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.Password;
import dev.gatehouse.core.model.Role;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.UserStatus;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.AuditTrail;
import dev.gatehouse.core.service.SessionPolicy;
import dev.gatehouse.core.service.SignInService;
import dev.gatehouse.core.service.TokenDigests;
import dev.gatehouse.core.service.ValidateSessionService;
import dev.gatehouse.core.testing.FastTestHasher;
import dev.gatehouse.core.port.in.SignIn;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite tells when anyone committed, so a server may reuse session checks and still see another process's lock. */
class SqliteChangeCountTest {

    @TempDir
    Path dir;

    @Test
    void theCountStaysStillWithoutWritesAndMovesWhenAnotherHandleCommits() throws Exception {
        JdbcSettings settings = JdbcSettings.sqlite(dir.resolve("gatehouse.db"));
        try (Stores server = JdbcStores.open(settings); Stores cli = JdbcStores.open(settings)) {
            long first = server.sessions().changeCount().orElseThrow();
            Thread.sleep(2);
            server.users().count();
            assertEquals(first, server.sessions().changeCount().orElseThrow(), "reads change nothing");
            cli.users().insert(User.create(Username.of("bob"), "x", EnumSet.of(Role.USER), Instant.now()));
            Thread.sleep(2);
            assertNotEquals(first, server.sessions().changeCount().orElseThrow());
            long second = server.sessions().changeCount().orElseThrow();
            server.users().insert(User.create(Username.of("carol"), "x", EnumSet.of(Role.USER), Instant.now()));
            Thread.sleep(2);
            assertNotEquals(second, server.sessions().changeCount().orElseThrow(), "the server's own writes count too");
        }
    }

    @Test
    void aSessionCheckedAMomentAgoIsRefusedOnceTheCliLocksItsUser() throws Exception {
        JdbcSettings settings = JdbcSettings.sqlite(dir.resolve("gatehouse.db"));
        try (Stores server = JdbcStores.open(settings); Stores cli = JdbcStores.open(settings)) {
            FastTestHasher hasher = new FastTestHasher();
            server.users().insert(User.create(Username.of("bob"), hasher.hash(Password.of("correct horse")),
                    EnumSet.of(Role.USER), Instant.now().minusSeconds(5)));
            TokenDigests tokens = new TokenDigests(SecureRandomSource.system(), server.secrets());
            Clock clock = Clock.systemUTC();
            SignIn.Result in = new SignInService(server.users(), server.sessions(), hasher, tokens, SessionPolicy.defaults(),
                    new AuditTrail(server.audit(), clock), clock)
                    .signIn(new SignIn.Command("bob", Password.of("correct horse"), "192.0.2.1", "test"));
            String token = ((SignIn.SignedIn) in).token();
            ValidateSession validate = new ValidateSessionService(server.sessions(), server.users(), tokens,
                    SessionPolicy.defaults(), clock);
            Thread.sleep(2);
            assertTrue(validate.validate(token).isPresent());
            assertTrue(validate.validate(token).isPresent(), "kept");

            cli.users().update(Username.of("bob"), u -> u.withStatus(new UserStatus.Locked("from the CLI", Optional.empty())));
            Thread.sleep(2);
            assertTrue(validate.validate(token).isEmpty(), "the lock is seen at the next request");
        }
    }
}
