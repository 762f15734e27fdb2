package dev.gatehouse.core.service.migration;

import static dev.gatehouse.core.contract.Samples.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.migration.CopyStoresResult.Counts;
import dev.gatehouse.core.testing.InMemoryStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Copying one set of stores into another: everything once, nothing twice, never an unusable session. */
class CopyStoresTest {

    private final Stores from = InMemoryStores.create();
    private final Stores to = InMemoryStores.create();
    private final List<String> progress = new ArrayList<>();
    private final CopyStores.Progress recorder = (phase, done, total) -> progress.add(phase + " " + done + "/" + total);

    private static final byte[] TOKEN_KEY = "0123456789abcdef0123456789abcdef".getBytes();

    private static AuditEvent event(int n, int second) {
        return new AuditEvent("event-" + String.format("%04d", n), T0.plusSeconds(second), "user.create", "operator",
                Optional.of(Username.of("user" + n)), "", AuditEvent.Outcome.SUCCESS, Map.of("n", "" + n));
    }

    private static final Username ALICE = Username.of("alice");
    private final Avatar alicesAvatar = Samples.avatar("alice");

    private final ApiKey alicesKey = Samples.apiKey("alice", T0.plusSeconds(1));
    private final ApiKey bobsImportedKey = Samples.importedApiKey("bob");

    /**
     * Two users (one with every field set, and an avatar), two sessions, a minted and an imported
     * API key, three audit events and the token key.
     */
    private void fillSource() {
        from.apiKeys().insert(alicesKey);
        from.apiKeys().insert(bobsImportedKey);
        from.secrets().getOrCreate(CopyStores.TOKEN_KEY, () -> TOKEN_KEY);
        from.users().insert(Samples.fullUser("alice"));
        from.avatars().put(alicesAvatar);
        from.users().insert(Samples.user("bob"));
        from.sessions().save(Samples.session("alice", T0));
        from.sessions().save(Samples.session("bob", T0));
        for (int n = 1; n <= 3; n++) {
            from.audit().append(event(n, n));
        }
    }

    @Test
    void usersPermissionsAreCopiedOnceAndChangesInTheTargetAreKept() {
        fillSource();
        dev.gatehouse.core.model.rights.Permissions chatOnly = new dev.gatehouse.core.model.rights.Permissions(Map.of("chat", true),
                dev.gatehouse.core.model.rights.ModelAccess.parse("llama-*"));
        from.permissions().put(ALICE, chatOnly);
        CopyStoresResult first = new CopyStores().copy(from, to, CopyStores.Progress.none());
        assertEquals(new Counts(1, 0, 0), first.permissions());
        assertEquals(Optional.of(chatOnly), to.permissions().find(ALICE));
        to.permissions().put(ALICE, chatOnly.withModels(dev.gatehouse.core.model.rights.ModelAccess.everything()));
        CopyStoresResult again = new CopyStores().copy(from, to, CopyStores.Progress.none());
        assertEquals(new Counts(0, 1, 0), again.permissions());
        assertTrue(again.warnings().stream().anyMatch(w -> w.startsWith("1 user has other permissions")), again::toString);
    }

    @Test
    void aSessionEndedInTheTargetAfterACopyDoesNotComeBackWithTheNextCopy() {
        fillSource();
        new CopyStores().copy(from, to, CopyStores.Progress.none());
        Session signedOut = sessions(to).get(0);
        to.sessions().delete(signedOut.id());

        CopyStoresResult again = new CopyStores().copy(from, to, CopyStores.Progress.none());

        assertEquals(Optional.empty(), to.sessions().find(signedOut.id()));
        assertEquals(0, again.sessions().copied());
        assertTrue(again.warnings().stream().anyMatch(w -> w.startsWith("1 session was not copied")), again::toString);
    }

    @Test
    void anAvatarRemovedInTheTargetAfterACopyDoesNotComeBackWithTheNextCopy() {
        fillSource();
        new CopyStores().copy(from, to, CopyStores.Progress.none());
        to.avatars().delete(ALICE);

        CopyStoresResult again = new CopyStores().copy(from, to, CopyStores.Progress.none());

        assertEquals(Optional.empty(), to.avatars().find(ALICE));
        assertTrue(again.nothingNew(), again::toString);
    }

    @Test
    void aMovedUserWhoseAvatarTheTargetAlreadyHoldsCountsItAsPresent() {
        fillSource();
        to.avatars().put(alicesAvatar); // left behind in the target, say, by an interrupted run

        CopyStoresResult result = new CopyStores().copy(from, to, CopyStores.Progress.none());

        assertEquals(new Counts(0, 1, 0), result.avatars());
    }

    private List<Session> sessions(Stores stores) {
        return stores.sessions().page(Optional.empty(), 100);
    }

    @Test
    void everythingInTheSourceEndsUpInTheTarget() {
        fillSource();
        CopyStoresResult result = new CopyStores().copy(from, to, recorder);

        assertEquals(new Counts(2, 0, 0), result.users());
        assertEquals(new Counts(1, 0, 0), result.avatars());
        assertEquals(new Counts(2, 0, 0), result.sessions());
        assertEquals(new Counts(2, 0, 0), result.apiKeys());
        assertEquals(new Counts(3, 0, 0), result.auditEvents());
        assertEquals(new Counts(1, 0, 0), result.keys());
        assertEquals(List.of(), result.warnings());
        assertEquals(from.apiKeys().page(Optional.empty(), 10), to.apiKeys().page(Optional.empty(), 10));
        assertEquals(Optional.of(alicesAvatar), to.avatars().find(ALICE));
        assertEquals(Optional.empty(), to.avatars().find(Username.of("bob")));
        assertEquals(from.users().page(Optional.empty(), 10), to.users().page(Optional.empty(), 10));
        assertEquals(sessions(from), sessions(to));
        assertEquals(from.audit().page(Optional.empty(), 10), to.audit().page(Optional.empty(), 10));
        assertArrayEquals(TOKEN_KEY, to.secrets().getOrCreate(CopyStores.TOKEN_KEY, () -> new byte[32]));
    }

    @Test
    void aSecondRunCopiesNothingNew() {
        fillSource();
        new CopyStores().copy(from, to, CopyStores.Progress.none());
        CopyStoresResult again = new CopyStores().copy(from, to, CopyStores.Progress.none());

        assertTrue(again.nothingNew(), again.toString());
        assertEquals(new Counts(0, 2, 0), again.users());
        assertEquals(Counts.NONE, again.avatars(), "avatars move only with their users");
        assertEquals(new Counts(0, 2, 0), again.sessions());
        assertEquals(new Counts(0, 2, 0), again.apiKeys());
        assertEquals(new Counts(0, 3, 0), again.auditEvents());
        assertEquals(new Counts(0, 1, 0), again.keys());
        assertEquals(3, to.audit().page(Optional.empty(), 10).size());
    }

    @Test
    void aUserThatDiffersInTheTargetIsKeptAndCountedInAWarning() {
        fillSource();
        to.users().insert(Samples.user("alice"));
        CopyStoresResult result = new CopyStores().copy(from, to, CopyStores.Progress.none());

        assertEquals(new Counts(1, 1, 0), result.users());
        assertEquals(Optional.of(Samples.user("alice")), to.users().find(Username.of("alice")));
        assertEquals(Optional.empty(), to.avatars().find(ALICE), "a kept user keeps the target's avatar, or none");
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("1 user differs in the target")), result::toString);
    }

    @Test
    void withReplacingOnAUserThatDiffersInTheTargetBecomesTheSourcesVersion() {
        fillSource();
        to.users().insert(Samples.user("alice"));
        to.avatars().put(Samples.avatar("alice", "image/gif", 50));
        to.users().insert(Samples.user("carol"));
        CopyStoresResult result = new CopyStores(CopyStores.DEFAULT_BATCH_SIZE, true).copy(from, to, CopyStores.Progress.none());

        assertEquals(new Counts(1, 0, 1), result.users());
        assertEquals(Optional.of(Samples.fullUser("alice")), to.users().find(Username.of("alice")));
        assertEquals(new Counts(0, 0, 1), result.avatars());
        assertEquals(Optional.of(alicesAvatar), to.avatars().find(ALICE));
        assertTrue(to.users().find(Username.of("carol")).isPresent(), "nothing is deleted from the target");
    }

    @Test
    void auditEventsTheTargetAlreadyHasAreCountedNotDuplicated() {
        fillSource();
        to.audit().append(event(2, 2));
        to.audit().append(event(9, 0));
        to.audit().append(event(8, 99));
        CopyStoresResult result = new CopyStores(1).copy(from, to, CopyStores.Progress.none());

        assertEquals(new Counts(2, 1, 0), result.auditEvents());
        assertEquals(List.of("event-0009", "event-0001", "event-0002", "event-0003", "event-0008"),
                to.audit().page(Optional.empty(), 10).stream().map(AuditEvent::id).toList());
    }

    @Test
    void aTargetWithADifferentTokenKeyGetsNoSessionsAndTheResultSaysWhy() {
        fillSource();
        byte[] targetsOwn = "ffffffffffffffffffffffffffffffff".getBytes();
        to.secrets().getOrCreate(CopyStores.TOKEN_KEY, () -> targetsOwn);
        CopyStoresResult result = new CopyStores().copy(from, to, CopyStores.Progress.none());

        assertEquals(Counts.NONE, result.sessions());
        assertEquals(List.of(), sessions(to));
        assertEquals(2, result.warnings().size());
        String warning = result.warnings().get(0);
        assertTrue(warning.contains("token-digest-key") && warning.contains("sessions: they were not copied"), warning);
        assertTrue(result.warnings().get(1).startsWith("1 API key was not copied: the target has its own token-digest-key"),
                result::toString);
        assertEquals(new Counts(1, 0, 0), result.apiKeys(), "an imported key does not depend on the token key");
        assertEquals(Optional.of(bobsImportedKey), to.apiKeys().find(bobsImportedKey.id()));
        assertEquals(Optional.empty(), to.apiKeys().find(alicesKey.id()));
        assertArrayEquals(targetsOwn, to.secrets().getOrCreate(CopyStores.TOKEN_KEY, () -> new byte[32]),
                "the target's key is never changed");
        assertEquals(new Counts(2, 0, 0), result.users(), "everything else is still copied");
        assertEquals(new Counts(3, 0, 0), result.auditEvents());
    }

    @Test
    void twoThousandUsersAreCopiedInBatchesWithProgressAfterEach() {
        for (int i = 0; i < 2_000; i++) {
            from.users().insert(User.create(Username.of(String.format("user%04d", i)), "h", java.util.Set.of(), T0));
        }
        from.users().update(Username.of("user1234"), u -> u.withStatus(UserStatus.locked("Left", T0)));
        CopyStoresResult result = new CopyStores(500).copy(from, to, recorder);

        assertEquals(new Counts(2_000, 0, 0), result.users());
        assertEquals(2_000, to.users().count());
        assertTrue(to.users().find(Username.of("user1234")).orElseThrow().status().isLocked());
        assertEquals(List.of("users 0/2000", "users 500/2000", "users 1000/2000", "users 1500/2000", "users 2000/2000"),
                progress.stream().filter(line -> line.startsWith("users")).toList());
    }

    @Test
    void phasesWhoseSizeIsUnknownReportMinusOneUntilTheyAreDone() {
        fillSource();
        new CopyStores(1).copy(from, to, recorder);

        assertEquals(List.of("keys 0/1", "keys 1/1", "users 0/2", "users 1/2", "users 2/2",
                "sessions 0/-1", "sessions 1/-1", "sessions 2/-1", "sessions 2/2",
                "api keys 0/-1", "api keys 1/-1", "api keys 2/-1", "api keys 2/2", "invites 0/-1", "invites 0/0",
                "permissions 0/0", "permissions 0/0", "identity links 0/-1", "identity links 0/0", "audit 0/-1", "audit 1/-1", "audit 2/-1", "audit 3/-1", "audit 3/3"),
                progress);
    }

    @Test
    void copyingEmptyStoresCopiesNothing() {
        CopyStoresResult result = new CopyStores().copy(from, to, recorder);
        assertTrue(result.nothingNew());
        assertEquals(0, result.users().seen() + result.avatars().seen() + result.sessions().seen()
                + result.apiKeys().seen() + result.auditEvents().seen() + result.keys().seen());
    }

    @Test
    void apiKeysOfOwnersCopiedByAnEarlierInterruptedRunAreCopiedByTheNextOne() {
        fillSource();
        to.users().insert(Samples.fullUser("alice")); // as a run that stopped after the users left it

        CopyStoresResult result = new CopyStores().copy(from, to, CopyStores.Progress.none());

        assertEquals(new Counts(2, 0, 0), result.apiKeys());
        assertEquals(Optional.of(alicesKey), to.apiKeys().find(alicesKey.id()));
    }

    @Test
    void aKeyWhoseOwnerIsAnotherAccountOfThatNameInTheTargetIsNotCopied() {
        fillSource();
        to.users().insert(User.create(ALICE, "h", java.util.Set.of(), T0.plusSeconds(999)));

        CopyStoresResult result = new CopyStores().copy(from, to, CopyStores.Progress.none());

        assertEquals(new Counts(1, 0, 0), result.apiKeys());
        assertEquals(Optional.empty(), to.apiKeys().find(alicesKey.id()));
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("1 API key was not copied: the target does not"
                + " have their owners as the same accounts")), result::toString);
    }

    @Test
    void aRevocationInTheSourceCarriesOverAndNothingRevokedInTheTargetComesBack() {
        fillSource();
        new CopyStores().copy(from, to, CopyStores.Progress.none());
        from.apiKeys().revokeByOwner(ALICE, T0.plusSeconds(50));
        to.apiKeys().revokeByOwner(Username.of("bob"), T0.plusSeconds(60));

        CopyStoresResult again = new CopyStores().copy(from, to, CopyStores.Progress.none());

        assertEquals(new Counts(0, 1, 1), again.apiKeys());
        assertEquals(Optional.of(T0.plusSeconds(50)), to.apiKeys().find(alicesKey.id()).orElseThrow().revokedAt());
        assertTrue(to.apiKeys().find(bobsImportedKey.id()).orElseThrow().isRevoked());
    }

    @Test
    void invitesAreCopiedWithTheirUsesAndARevocationCarriesOver() {
        fillSource();
        Invite invite = dev.gatehouse.core.contract.InviteStoreContract.invite("invite00000001", T0, 2)
                .usedBy(new Invite.Use(Username.of("alice"), T0.plusSeconds(1)));
        from.invites().insert(invite);
        CopyStoresResult result = new CopyStores().copy(from, to, recorder);
        assertEquals(new Counts(1, 0, 0), result.invites());
        assertEquals(Optional.of(invite), to.invites().find(invite.id()));
        from.invites().revoke(invite.id(), T0.plusSeconds(5));
        CopyStoresResult again = new CopyStores().copy(from, to, recorder);
        assertEquals(new Counts(0, 0, 1), again.invites());
        assertEquals(Optional.of(T0.plusSeconds(5)), to.invites().find(invite.id()).orElseThrow().revokedAt());
    }
}
