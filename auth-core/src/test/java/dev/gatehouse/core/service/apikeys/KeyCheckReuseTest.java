package dev.gatehouse.core.service.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.IdentifyCaller.Identified;
import dev.gatehouse.core.port.in.IdentifyCaller.NotUsable;
import dev.gatehouse.core.port.in.IdentifyCaller.Why;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.testing.CoreFixture;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A key check is reused while the store says nothing changed and the key has not expired, and never after a change. */
class KeyCheckReuseTest {

    private final CoreFixture core = new CoreFixture();
    private MintApiKey.Minted bobs;

    @BeforeEach
    void aUserWithAKeyOnAStoreThatTells() {
        core.add("admin", "plum-tulip-ferry-42", false); // the first user is an administrator, who cannot be locked
        core.add("bob", "plum-tulip-ferry-42", false);
        bobs = core.mint("bob", Set.of());
        core.countedKeys.tells = true;
        core.countedKeys.lookups.set(0);
    }

    @Test
    void whileNothingChangesTheKeyIsLookedUpOnce() {
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(Identified.class, core.identifyCaller.identify(bobs.secret()));
        }
        assertEquals(1, core.countedKeys.lookups.get());
    }

    @Test
    void aRevocationOrALockIsSeenAtTheNextCheck() {
        assertInstanceOf(Identified.class, core.identifyCaller.identify(bobs.secret()));
        core.lockUser.lock(Actor.operator(), Username.of("bob"), "gone");
        core.countedKeys.count++; // the lock's user write, as a database would count it
        assertEquals(Why.OWNER_NOT_ACTIVE, assertInstanceOf(NotUsable.class, core.identifyCaller.identify(bobs.secret())).why());
        core.unlockUser.unlock(Actor.operator(), Username.of("bob"));
        core.countedKeys.count++;
        assertInstanceOf(Identified.class, core.identifyCaller.identify(bobs.secret()));
        core.revokeApiKeys.revoke(Actor.operator(), bobs.key().id());
        core.countedKeys.count++;
        assertEquals(Why.REVOKED, assertInstanceOf(NotUsable.class, core.identifyCaller.identify(bobs.secret())).why());
        assertTrue(core.identifyCaller.kept(bobs.secret()).isEmpty(), "a refused key is not kept");
    }

    @Test
    void keptAnswersOnlyWhatWasCheckedAndStillHoldsAndRecordsTheUse() {
        assertTrue(core.identifyCaller.kept(bobs.secret()).isEmpty(), "nothing checked yet");
        assertInstanceOf(Identified.class, core.identifyCaller.identify(bobs.secret()));
        core.lastUsed.flush();
        assertEquals("bob", core.identifyCaller.kept(bobs.secret()).orElseThrow().username().value());
        assertEquals(1, core.lastUsed.pending(), "a kept answer is a use too");
        assertEquals(1, core.countedKeys.lookups.get());
        core.countedKeys.count++;
        assertTrue(core.identifyCaller.kept(bobs.secret()).isEmpty(), "after any change: check again");
        assertTrue(core.identifyCaller.kept("gate_not-a-key").isEmpty());
    }

    @Test
    void aStoreThatCannotTellIsReadEveryTime() {
        core.countedKeys.tells = false;
        core.identifyCaller.identify(bobs.secret());
        core.identifyCaller.identify(bobs.secret());
        assertEquals(2, core.countedKeys.lookups.get());
        assertTrue(core.identifyCaller.kept(bobs.secret()).isEmpty());
    }

    @Test
    void aKeyIsNotReusedPastItsExpiry() {
        MintApiKey.Result result = core.mintApiKey.mint(new MintApiKey.Command(Actor.operator(),
                Optional.of(Username.of("bob")), Optional.empty(), Optional.of(core.clock.instant().plus(Duration.ofHours(1))),
                Set.of()));
        String secret = ((MintApiKey.Minted) result).secret();
        assertInstanceOf(Identified.class, core.identifyCaller.identify(secret));
        core.clock.advance(Duration.ofHours(2));
        assertTrue(core.identifyCaller.kept(secret).isEmpty());
        assertEquals(Why.EXPIRED, assertInstanceOf(NotUsable.class, core.identifyCaller.identify(secret)).why());
    }
}
