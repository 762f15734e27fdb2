package dev.gatehouse.core.service.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.service.accounts.AddUserService;
import dev.gatehouse.core.service.accounts.LockUserService;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.core.testing.FastTestHasher;
import dev.gatehouse.core.testing.InMemoryAuditLog;
import dev.gatehouse.core.testing.InMemorySecretKeyStore;
import dev.gatehouse.core.testing.InMemorySessionStore;
import dev.gatehouse.core.testing.InMemoryUserStore;
import dev.gatehouse.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A session check is reused while the store says nothing changed, and never after a change. */
class SessionCheckReuseTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final Watched sessions = new Watched(new InMemorySessionStore());
    private final FastTestHasher hasher = new FastTestHasher();
    private final AuditTrail audit = new AuditTrail(new InMemoryAuditLog(), clock);
    private final TokenDigests tokens = new TokenDigests(SecureRandomSource.system(), new InMemorySecretKeyStore());
    private final ValidateSessionService validate = new ValidateSessionService(sessions, users, tokens,
            SessionPolicy.defaults(), clock);

    private String signedIn() {
        AddUserService add = new AddUserService(users, sessions, hasher, PasswordPolicy.defaults(), audit, clock);
        add.add(new AddUser.Command(Actor.operator(), Username.of("root"), Password.of("correct horse battery"), true));
        add.add(new AddUser.Command(Actor.operator(), Username.of("alice"), Password.of("correct horse battery"), false));
        SignIn.Result result = new SignInService(users, sessions, hasher, tokens, SessionPolicy.defaults(), audit, clock)
                .signIn(new SignIn.Command("alice", Password.of("correct horse battery"), "192.0.2.1", "test"));
        return ((SignIn.SignedIn) result).token();
    }

    @Test
    void whileNothingChangesTheStoreIsReadOnce() {
        String token = signedIn();
        sessions.counting = true;
        for (int i = 0; i < 5; i++) {
            assertTrue(validate.validate(token).isPresent());
        }
        assertEquals(1, sessions.lookups);
    }

    @Test
    void aChangeAnywhereInTheStoreMakesTheNextCheckReadAgainAndALockIsSeenAtOnce() {
        String token = signedIn();
        assertTrue(validate.validate(token).isPresent());
        assertTrue(new LockUserService(users, sessions, audit, clock).lock(Actor.operator(), Username.of("alice"), "gone")
                instanceof dev.gatehouse.core.port.in.LockUser.Locked);
        sessions.count++; // the lock's user write, as a database would count it
        assertTrue(validate.validate(token).isEmpty());
    }

    @Test
    void keptAnswersOnlyWhatWasCheckedAndStillHoldsWithoutReadingTheStore() {
        String token = signedIn();
        sessions.counting = true;
        assertTrue(validate.kept(token).isEmpty(), "nothing checked yet");
        assertTrue(validate.validate(token).isPresent());
        assertTrue(validate.kept(token).isPresent());
        assertEquals(1, sessions.lookups);
        sessions.count++;
        assertTrue(validate.kept(token).isEmpty(), "after any change: check again");
        assertTrue(validate.kept("not-a-token").isEmpty());
    }

    @Test
    void aStoreThatCannotTellIsReadEveryTime() {
        String token = signedIn();
        sessions.tells = false;
        sessions.counting = true;
        validate.validate(token);
        validate.validate(token);
        assertEquals(2, sessions.lookups);
    }

    @Test
    void aSessionDueItsActivityWriteIsReadAndTouchedNotReused() {
        String token = signedIn();
        assertTrue(validate.validate(token).isPresent());
        clock.advance(Duration.ofMinutes(2));
        sessions.counting = true;
        Session seen = validate.validate(token).orElseThrow().session();
        assertEquals(1, sessions.lookups);
        assertEquals(clock.instant(), seen.lastSeenAt());
    }

    @Test
    void anIdleSessionIsNotKeptAlivePastItsTimeout() {
        String token = signedIn();
        assertTrue(validate.validate(token).isPresent());
        clock.advance(Duration.ofDays(8));
        assertTrue(validate.validate(token).isEmpty());
    }

    /** A session store that counts its lookups and tells a change count bumped by every write. */
    private static final class Watched implements SessionStore {
        final InMemorySessionStore inner;
        long count;
        boolean tells = true;
        boolean counting;
        int lookups;

        Watched(InMemorySessionStore inner) {
            this.inner = inner;
        }

        @Override
        public OptionalLong changeCount() {
            return tells ? OptionalLong.of(count) : OptionalLong.empty();
        }

        @Override
        public void save(Session session) {
            count++;
            inner.save(session);
        }

        @Override
        public Optional<Session> findByTokenDigest(String tokenDigest) {
            if (counting) {
                lookups++;
            }
            return inner.findByTokenDigest(tokenDigest);
        }

        @Override
        public Optional<Session> find(SessionId id) {
            return inner.find(id);
        }

        @Override
        public List<Session> listByUser(Username username) {
            return inner.listByUser(username);
        }

        @Override
        public List<Session> page(Optional<SessionId> after, int limit) {
            return inner.page(after, limit);
        }

        @Override
        public void touch(SessionId id, Instant lastSeenAt) {
            count++;
            inner.touch(id, lastSeenAt);
        }

        @Override
        public boolean delete(SessionId id) {
            count++;
            return inner.delete(id);
        }

        @Override
        public int deleteByUser(Username username) {
            count++;
            return inner.deleteByUser(username);
        }

        @Override
        public int deleteExpired(Instant now, Duration idleTimeout) {
            count++;
            return inner.deleteExpired(now, idleTimeout);
        }
    }
}
