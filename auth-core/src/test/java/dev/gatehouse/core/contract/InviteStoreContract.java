package dev.gatehouse.core.contract;

import static dev.gatehouse.core.contract.Samples.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.InviteId;
import dev.gatehouse.core.port.out.InviteStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link InviteStore} must have. A store adapter's test extends this and says
 * how to open a fresh, empty store and a second instance on the same place.
 */
public abstract class InviteStoreContract {

    /** The store under test, on a fresh, empty place: the same instance throughout one test. */
    protected abstract InviteStore store();

    /** Another instance opened on the same place as {@link #store()}, as another process would. */
    protected abstract InviteStore secondInstance();

    /** An unused invite made at {@code createdAt}, good for {@code maxUses} for 7 days. */
    public static Invite invite(String id, Instant createdAt, int maxUses) {
        byte[] digest = new byte[32];
        ThreadLocalRandom.current().nextBytes(digest);
        return new Invite(InviteId.of(id), HexFormat.of().formatHex(digest), "inv_Ab3dEf", "admin", createdAt,
                createdAt.plus(Duration.ofDays(7)), maxUses, List.of(), Optional.empty(), Optional.empty());
    }

    private static Invite.Use use(String name, Instant at) {
        return new Invite.Use(Username.of(name), at);
    }

    @Test
    void anInviteWithEveryFieldReadsBackExactlyAsWritten() {
        Invite full = new Invite(InviteId.of("inviteFull000001"), invite("x0000000", T0, 1).digest(), "inv_Zz9yX8",
                "operator", T0, T0.plusSeconds(3600), 3, List.of(use("élodie", T0.plusMillis(1)), use("bob", T0.plusSeconds(2))),
                Optional.of("Alice@example.org"), Optional.of(T0.plusSeconds(5)));
        assertTrue(store().insert(full));
        assertEquals(Optional.of(full), secondInstance().find(full.id()));
        assertEquals(Optional.of(full), secondInstance().findByDigest(full.digest()));
        assertEquals(List.of(full), store().list());
    }

    @Test
    void anUnknownIdOrDigestFindsNothing() {
        store().insert(invite("invite00000001", T0, 1));
        assertEquals(Optional.empty(), secondInstance().find(InviteId.of("nosuchinvite")));
        assertEquals(Optional.empty(), secondInstance().findByDigest("0".repeat(64)));
        assertEquals(Optional.empty(), store().recordUse(InviteId.of("nosuchinvite"), use("bob", T0)));
        assertEquals(Optional.empty(), store().revoke(InviteId.of("nosuchinvite"), T0));
    }

    @Test
    void aTakenIdOrDigestIsRefusedAndNothingIsOverwritten() {
        Invite first = invite("invite00000001", T0, 1);
        assertTrue(store().insert(first));
        Invite sameId = invite("invite00000001", T0.plusSeconds(1), 2);
        assertFalse(secondInstance().insert(sameId));
        Invite sameDigest = new Invite(InviteId.of("invite00000002"), first.digest(), "inv_other0", "admin", T0,
                T0.plusSeconds(60), 1, List.of(), Optional.empty(), Optional.empty());
        assertFalse(secondInstance().insert(sameDigest));
        assertEquals(List.of(first), store().list());
    }

    @Test
    void theListIsNewestFirstWithTiesById() {
        Invite old = invite("invite0000000c", T0, 1);
        Invite tieB = invite("invite0000000b", T0.plusSeconds(10), 1);
        Invite tieA = invite("invite0000000a", T0.plusSeconds(10), 1);
        store().insert(old);
        store().insert(tieB);
        secondInstance().insert(tieA);
        assertEquals(List.of(tieA, tieB, old), store().list());
    }

    @Test
    void pagesWalkEveryInviteInIdOrder() {
        for (int i = 0; i < 5; i++) {
            store().insert(invite("invite0000000" + (char) ('e' - i), T0.plusSeconds(i), 1));
        }
        List<Invite> first = secondInstance().page(Optional.empty(), 2);
        assertEquals(List.of("invite0000000a", "invite0000000b"), first.stream().map(i -> i.id().value()).toList());
        List<Invite> rest = secondInstance().page(Optional.of(first.get(1).id()), 10);
        assertEquals(List.of("invite0000000c", "invite0000000d", "invite0000000e"),
                rest.stream().map(i -> i.id().value()).toList());
        assertEquals(List.of(), secondInstance().page(Optional.of(rest.get(2).id()), 10));
    }

    @Test
    void usesAreRecordedInOrderUntilTheInviteIsUsedUp() {
        Invite two = invite("invite00000001", T0, 2);
        store().insert(two);
        assertEquals(1, store().recordUse(two.id(), use("alice", T0.plusSeconds(1))).orElseThrow().uses().size());
        Invite used = secondInstance().recordUse(two.id(), use("bob", T0.plusSeconds(2))).orElseThrow();
        assertEquals(List.of(use("alice", T0.plusSeconds(1)), use("bob", T0.plusSeconds(2))), used.uses());
        assertEquals(Optional.empty(), store().recordUse(two.id(), use("carol", T0.plusSeconds(3))));
        assertEquals(Optional.of(used), store().find(two.id()));
    }

    @Test
    void pagesCarryEachInvitesOwnUses() {
        Invite a = invite("invite0000000a", T0, 2);
        Invite b = invite("invite0000000b", T0, 2);
        Invite c = invite("invite0000000c", T0, 2);
        List.of(a, b, c).forEach(store()::insert);
        store().recordUse(a.id(), use("alice", T0.plusSeconds(1)));
        store().recordUse(c.id(), use("carol", T0.plusSeconds(2)));
        store().recordUse(c.id(), use("cora", T0.plusSeconds(3)));
        List<Invite> first = secondInstance().page(Optional.empty(), 2);
        assertEquals(List.of(List.of(use("alice", T0.plusSeconds(1))), List.of()), first.stream().map(Invite::uses).toList());
        List<Invite> rest = secondInstance().page(Optional.of(b.id()), 2);
        assertEquals(List.of(List.of(use("carol", T0.plusSeconds(2)), use("cora", T0.plusSeconds(3)))),
                rest.stream().map(Invite::uses).toList());
    }

    @Test
    void aRevokedOrExpiredInviteTakesNoUse() {
        Invite revoked = invite("invite00000001", T0, 5);
        Invite expiring = invite("invite00000002", T0, 5);
        store().insert(revoked);
        store().insert(expiring);
        store().revoke(revoked.id(), T0.plusSeconds(1));
        assertEquals(Optional.empty(), secondInstance().recordUse(revoked.id(), use("alice", T0.plusSeconds(2))));
        assertEquals(Optional.empty(), secondInstance().recordUse(expiring.id(), use("alice", expiring.expiresAt())));
        assertEquals(List.of(), store().find(revoked.id()).orElseThrow().uses());
        assertEquals(List.of(), store().find(expiring.id()).orElseThrow().uses());
    }

    @Test
    void revokingKeepsTheFirstTimeAndTheUses() {
        Invite invite = invite("invite00000001", T0, 3);
        store().insert(invite);
        store().recordUse(invite.id(), use("alice", T0.plusSeconds(1)));
        Invite revoked = secondInstance().revoke(invite.id(), T0.plusSeconds(2)).orElseThrow();
        assertEquals(Optional.of(T0.plusSeconds(2)), revoked.revokedAt());
        assertEquals(Optional.of(T0.plusSeconds(2)), store().revoke(invite.id(), T0.plusSeconds(9)).orElseThrow().revokedAt());
        assertEquals(1, store().find(invite.id()).orElseThrow().uses().size());
    }

    @Test
    void ofConcurrentUsesOfASingleUseInviteExactlyOneWins() throws Exception {
        Invite single = invite("invite00000001", T0, 1);
        store().insert(single);
        List<Boolean> won = Concurrently.run(8, i -> (i % 2 == 0 ? store() : secondInstance())
                .recordUse(single.id(), use("user" + i, T0.plusSeconds(1))).isPresent());
        assertEquals(1, won.stream().filter(w -> w).count(), "winners: " + won);
        assertEquals(1, store().find(single.id()).orElseThrow().uses().size());
    }

    @Test
    void concurrentUsesNeverExceedTheLimit() throws Exception {
        Invite three = invite("invite00000001", T0, 3);
        store().insert(three);
        List<Boolean> won = Concurrently.run(8, i -> (i % 2 == 0 ? store() : secondInstance())
                .recordUse(three.id(), use("user" + i, T0.plusSeconds(1))).isPresent());
        assertEquals(3, won.stream().filter(w -> w).count(), "winners: " + won);
        assertEquals(3, secondInstance().find(three.id()).orElseThrow().uses().size());
    }

    @Test
    void ofConcurrentInsertsOfOneIdExactlyOneWins() throws Exception {
        List<Boolean> won = Concurrently.run(6, i -> (i % 2 == 0 ? store() : secondInstance())
                .insert(invite("invite00000001", T0.plusSeconds(i), 1)));
        assertEquals(1, won.stream().filter(w -> w).count(), "winners: " + won);
    }
}
