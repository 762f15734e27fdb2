package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.in.Authorize;
import dev.gatehouse.core.port.in.IdentifyCaller;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.apikeys.IdentifyCallerService;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.core.service.apikeys.LastUsedRecorder;
import dev.gatehouse.core.service.apikeys.MintApiKeyService;
import dev.gatehouse.core.service.apikeys.StaticKeys;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.rights.AuthorizeService;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.sessions.SignInService;
import dev.gatehouse.core.service.sessions.ValidateSessionService;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.core.testing.FastTestHasher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite tells when anyone committed, so a server may reuse session and key checks and still see
 * another process's lock or revocation.
 */
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
    void theCountIsKeptBetweenChecksUntilThisProcessWritesAndForgetsIt() throws Exception {
        JdbcSettings settings = JdbcSettings.sqlite(dir.resolve("gatehouse.db"));
        try (Stores cli = JdbcStores.open(settings);
             SqliteChangeCount count = new SqliteChangeCount(settings, java.util.concurrent.TimeUnit.MINUTES.toNanos(1))) {
            long first = count.current().orElseThrow();
            cli.users().insert(User.create(Username.of("bob"), "x", EnumSet.of(Role.USER), Instant.now()));
            assertEquals(first, count.current().orElseThrow(), "within the interval the count is not asked again");
            count.forget();
            assertNotEquals(first, count.current().orElseThrow(), "after a write of this process it is");
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

    @Test
    void aKeyCheckedAMomentAgoIsRefusedOnceTheCliRevokesIt() throws Exception {
        JdbcSettings settings = JdbcSettings.sqlite(dir.resolve("gatehouse.db"));
        try (Stores server = JdbcStores.open(settings); Stores cli = JdbcStores.open(settings)) {
            server.users().insert(User.create(Username.of("bob"), "x", EnumSet.of(Role.USER), Instant.now().minusSeconds(5)));
            TokenDigests tokens = new TokenDigests(SecureRandomSource.system(), server.secrets());
            Clock clock = Clock.systemUTC();
            MintApiKey.Minted minted = (MintApiKey.Minted) new MintApiKeyService(server.users(), server.apiKeys(), tokens,
                    SecureRandomSource.system(), KeyPolicy.defaults(), new AuditTrail(server.audit(), clock), clock)
                    .mint(new MintApiKey.Command(Actor.operator(), Optional.of(Username.of("bob")), Optional.empty(),
                            Optional.empty(), Set.of()));
            IdentifyCaller identify = new IdentifyCallerService(server.apiKeys(), server.users(), tokens, StaticKeys.none(),
                    new ValidateSessionService(server.sessions(), server.users(), tokens, SessionPolicy.defaults(), clock),
                    new LastUsedRecorder(server.apiKeys()), clock);
            Thread.sleep(2);
            assertTrue(identify.identify(minted.secret()) instanceof IdentifyCaller.Identified);
            assertTrue(identify.kept(minted.secret()).isPresent(), "kept while nothing changed");

            long before = server.apiKeys().changeCount().orElseThrow();
            cli.apiKeys().revokeByOwner(Username.of("bob"), Instant.now());
            Thread.sleep(2);
            assertNotEquals(before, server.apiKeys().changeCount().orElseThrow());
            assertTrue(identify.kept(minted.secret()).isEmpty());
            assertTrue(identify.identify(minted.secret()) instanceof IdentifyCaller.NotUsable, "the revocation is seen at once");
        }
    }

    @Test
    void lastUseAndActivityAreWrittenWithoutMovingThisProcesssCountButOthersSeeThem() throws Exception {
        JdbcSettings settings = JdbcSettings.sqlite(dir.resolve("gatehouse.db"));
        try (Stores server = JdbcStores.open(settings); Stores cli = JdbcStores.open(settings)) {
            Instant created = Instant.parse("2026-01-01T00:00:00Z");
            server.users().insert(User.create(Username.of("bob"), "x", EnumSet.of(Role.USER), created));
            TokenDigests tokens = new TokenDigests(SecureRandomSource.system(), server.secrets());
            MintApiKey.Minted minted = (MintApiKey.Minted) new MintApiKeyService(server.users(), server.apiKeys(), tokens,
                    SecureRandomSource.system(), KeyPolicy.defaults(), new AuditTrail(server.audit(), Clock.systemUTC()),
                    Clock.systemUTC()).mint(new MintApiKey.Command(Actor.operator(), Optional.of(Username.of("bob")),
                    Optional.empty(), Optional.empty(), Set.of()));
            Session session = new Session(new SessionId("session-1"), "ab".repeat(32), Username.of("bob"), created.plusSeconds(1),
                    created.plusSeconds(1), Instant.parse("2027-01-01T00:00:00Z"), "192.0.2.1", "test");
            server.sessions().save(session);
            Thread.sleep(2);
            long serverBefore = server.apiKeys().changeCount().orElseThrow();
            long cliBefore = cli.apiKeys().changeCount().orElseThrow();

            Instant used = Instant.parse("2026-06-01T12:00:00.123Z");
            server.apiKeys().touch(Map.of(minted.key().id(), used));
            server.sessions().touch(session.id(), used);
            Thread.sleep(2);

            assertEquals(serverBefore, server.apiKeys().changeCount().orElseThrow(), "kept checks stay usable");
            assertNotEquals(cliBefore, cli.apiKeys().changeCount().orElseThrow(), "another process sees a change");
            assertEquals(Optional.of(used), cli.apiKeys().find(minted.key().id()).orElseThrow().lastUsedAt());
            assertEquals(used, cli.sessions().find(session.id()).orElseThrow().lastSeenAt());
            assertEquals(Optional.of(used), server.apiKeys().find(minted.key().id()).orElseThrow().lastUsedAt());
        }
    }

    @Test
    void permissionsCheckedAMomentAgoFollowAChangeFromThisProcessOrTheCliAtTheNextCheck() throws Exception {
        JdbcSettings settings = JdbcSettings.sqlite(dir.resolve("gatehouse.db"));
        try (Stores server = JdbcStores.open(settings); Stores cli = JdbcStores.open(settings)) {
            Username bob = Username.of("bob");
            User user = User.create(bob, "x", EnumSet.of(Role.USER), Instant.now());
            Permissions llamas = new Permissions(Map.of("chat", true), ModelAccess.only(List.of("llama-*")));
            Authorize authorize = new AuthorizeService(server.permissions(), FeatureCatalog.localAi());
            Authorize.Query llama = new Authorize.Query(user, Set.of(), Optional.of("chat"), Optional.of("llama-3"));
            server.permissions().put(bob, llamas);
            assertTrue(authorize.authorize(llama) instanceof Authorize.Allowed);
            assertTrue(authorize.fromMemory(llama).orElseThrow() instanceof Authorize.Allowed, "kept while nothing changed");

            server.permissions().put(bob, llamas.withModels(ModelAccess.only(List.of("gpt-*"))));
            assertTrue(authorize.fromMemory(llama).isEmpty(), "this process's change: read again at once");
            assertTrue(authorize.authorize(llama) instanceof Authorize.Denied);

            cli.permissions().put(bob, llamas);
            Thread.sleep(2);
            assertTrue(authorize.fromMemory(llama).isEmpty(), "the CLI's change: read again");
            assertTrue(authorize.authorize(llama) instanceof Authorize.Allowed);
            cli.permissions().put(bob, llamas.withFeatures(Map.of("chat", false)));
            Thread.sleep(2);
            assertTrue(authorize.authorize(llama) instanceof Authorize.Denied, "the CLI's change is seen at the next check");
        }
    }
}
