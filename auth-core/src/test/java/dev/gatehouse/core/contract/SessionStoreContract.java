package dev.gatehouse.core.contract;

import static dev.gatehouse.core.contract.Samples.T0;
import static dev.gatehouse.core.contract.Samples.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.out.SessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link SessionStore} must have. */
public abstract class SessionStoreContract {

    /** The store under test, on a fresh, empty place: the same instance throughout one test. */
    protected abstract SessionStore store();

    /** Another instance opened on the same place, as another process would. */
    protected abstract SessionStore secondInstance();

    @Test
    void aSessionIsFoundByItsTokenDigestAndId() {
        Session saved = session("alice", T0);
        store().save(saved);
        assertEquals(Optional.of(saved), secondInstance().findByTokenDigest(saved.tokenDigest()));
        assertEquals(Optional.of(saved), secondInstance().find(saved.id()));
        assertEquals(Optional.empty(), store().findByTokenDigest("0".repeat(64)));
    }

    @Test
    void anImpersonationSessionKeepsTheAdministratorsNameAndItsTouchesKeepIt() {
        Session plain = session("alice", T0);
        Session saved = new Session(plain.id(), plain.tokenDigest(), plain.username(), T0, T0, T0.plusSeconds(1800),
                plain.clientIp(), plain.userAgent(), Optional.of(Username.of("bob")));
        store().save(saved);
        assertEquals(Optional.of(saved), secondInstance().findByTokenDigest(saved.tokenDigest()));
        store().touch(saved.id(), T0.plusSeconds(90));
        assertEquals(Optional.of(Username.of("bob")), secondInstance().find(saved.id()).orElseThrow().impersonator());
        assertEquals(List.of(saved.withLastSeenAt(T0.plusSeconds(90))), store().listByUser(Username.of("alice")));
    }

    @Test
    void aUsersSessionsAreListedNewestFirst() {
        Session older = session("alice", T0);
        Session newer = session("alice", T0.plusSeconds(10));
        store().save(older);
        store().save(newer);
        store().save(session("bob", T0));
        assertEquals(List.of(newer, older), secondInstance().listByUser(Username.of("alice")));
    }

    @Test
    void pagesWalkEverySessionOnceInIdOrder() {
        List<Session> saved = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Session session = session("user" + i, T0);
            store().save(session);
            saved.add(session);
        }
        saved.sort(java.util.Comparator.comparing(s -> s.id().value()));
        List<Session> first = secondInstance().page(Optional.empty(), 3);
        List<Session> rest = secondInstance().page(Optional.of(first.get(2).id()), 3);
        assertEquals(saved, java.util.stream.Stream.concat(first.stream(), rest.stream()).toList());
    }

    @Test
    void touchingRecordsActivity() {
        Session saved = session("alice", T0);
        store().save(saved);
        store().touch(saved.id(), T0.plusSeconds(90));
        assertEquals(T0.plusSeconds(90), secondInstance().find(saved.id()).orElseThrow().lastSeenAt());
        store().touch(new SessionId("missing-session"), T0);
    }

    @Test
    void deletingOneSessionLeavesTheOthers() {
        Session one = session("alice", T0);
        Session two = session("alice", T0);
        store().save(one);
        store().save(two);
        assertTrue(store().delete(one.id()));
        assertFalse(store().delete(one.id()));
        assertEquals(Optional.empty(), secondInstance().findByTokenDigest(one.tokenDigest()));
        assertEquals(List.of(two), secondInstance().listByUser(Username.of("alice")));
    }

    @Test
    void deletingByUserEndsAllOfThemAndOnlyThem() {
        store().save(session("alice", T0));
        store().save(session("alice", T0));
        Session bobs = session("bob", T0);
        store().save(bobs);
        assertEquals(2, store().deleteByUser(Username.of("alice")));
        assertEquals(List.of(), secondInstance().listByUser(Username.of("alice")));
        assertEquals(List.of(bobs), secondInstance().listByUser(Username.of("bob")));
    }

    @Test
    void deletionThroughAnotherInstanceIsSeenAtOnce() {
        Session saved = session("alice", T0);
        store().save(saved);
        assertTrue(store().findByTokenDigest(saved.tokenDigest()).isPresent());
        secondInstance().deleteByUser(Username.of("alice"));
        assertEquals(Optional.empty(), store().findByTokenDigest(saved.tokenDigest()));
    }

    @Test
    void purgingRemovesAbsolutelyExpiredAndIdleSessionsOnly() {
        Duration idle = Duration.ofDays(7);
        Session fresh = session("alice", T0.plus(Duration.ofDays(29)));
        Session idleOne = session("alice", T0.plus(Duration.ofDays(20)));
        Session expired = session("bob", T0);
        store().save(fresh);
        store().save(idleOne);
        store().save(expired);
        store().touch(expired.id(), T0.plus(Duration.ofDays(29)));
        assertEquals(2, store().deleteExpired(T0.plus(Duration.ofDays(30)), idle));
        assertEquals(List.of(fresh), secondInstance().listByUser(Username.of("alice")));
        assertEquals(List.of(), secondInstance().listByUser(Username.of("bob")));
    }

    @Test
    void concurrentSavesFromManyThreadsAllLand() throws Exception {
        Concurrently.run(8, i -> {
            SessionStore instance = i % 2 == 0 ? store() : secondInstance();
            for (int n = 0; n < 5; n++) {
                instance.save(session("user" + i, T0));
            }
            return null;
        });
        for (int i = 0; i < 8; i++) {
            assertEquals(5, store().listByUser(Username.of("user" + i)).size());
        }
    }
}
