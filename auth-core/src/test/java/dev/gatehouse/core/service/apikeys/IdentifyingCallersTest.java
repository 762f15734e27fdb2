package dev.gatehouse.core.service.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.apikeys.Principal;
import dev.gatehouse.core.model.apikeys.Principal.Credential;
import dev.gatehouse.core.port.in.IdentifyCaller.Identified;
import dev.gatehouse.core.port.in.IdentifyCaller.NotUsable;
import dev.gatehouse.core.port.in.IdentifyCaller.Result;
import dev.gatehouse.core.port.in.IdentifyCaller.Unknown;
import dev.gatehouse.core.port.in.IdentifyCaller.Why;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.testing.CoreFixture;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A key works while it is valid and its owner active; anything that cannot be a key costs no store lookup. */
class IdentifyingCallersTest {

    private static final Username BOB = Username.of("bob");
    private final CoreFixture core = new CoreFixture();
    private MintApiKey.Minted bobs;

    @BeforeEach
    void aUserWithAKey() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
        bobs = core.mint("bob", Set.of("chat"));
        core.countedKeys.lookups.set(0);
    }

    private Principal identified(String key) {
        return assertInstanceOf(Identified.class, core.identifyCaller.identify(key)).principal();
    }

    private Why notUsable(String key) {
        return assertInstanceOf(NotUsable.class, core.identifyCaller.identify(key)).why();
    }

    @Test
    void aMintedKeyIdentifiesItsOwnerWithTheKeysScopes() {
        Principal principal = identified(bobs.secret());
        assertEquals(BOB, principal.username());
        assertEquals(Credential.API_KEY, principal.how());
        assertEquals(Optional.of(bobs.key().id()), principal.apiKey().map(ApiKey::id));
        assertEquals(Set.of("chat"), principal.scopes());
        assertEquals(1, core.countedKeys.lookups.get());
    }

    @Test
    void aKeyWithATypoIsTurnedAwayWithoutAStoreLookup() {
        String secret = bobs.secret();
        char typo = secret.charAt(20) == 'a' ? 'b' : 'a';
        Result result = core.identifyCaller.identify(secret.substring(0, 20) + typo + secret.substring(21));
        assertInstanceOf(Unknown.class, result);
        assertEquals(0, core.countedKeys.lookups.get());
    }

    @Test
    void anotherProductsKeyOrGarbageIsTurnedAwayWithoutAStoreLookup() {
        for (String other : new String[] {"lai-" + "0123456789abcdef".repeat(4), "sk-proj-abc", "", "Bearer x",
                "sas_short.secret", bobs.secret() + " "}) {
            assertInstanceOf(Unknown.class, core.identifyCaller.identify(other), other);
        }
        assertInstanceOf(Unknown.class, core.identifyCaller.identify(null));
        assertEquals(1, core.countedKeys.lookups.get(), "one question (are any keys imported in plain text?), no lookups");
    }

    @Test
    void aWellFormedKeyThatWasNeverMintedIsUnknownAfterOneLookup() {
        assertInstanceOf(Unknown.class, core.identifyCaller.identify(ApiKeyFormat.newKey(SecureRandomSource.system())));
        assertEquals(1, core.countedKeys.lookups.get());
    }

    @Test
    void anExpiredKeyDoesNotWork() {
        core.clock.advance(Duration.ofDays(365));
        assertEquals(Why.EXPIRED, notUsable(bobs.secret()));
    }

    @Test
    void aRevokedKeyDoesNotWork() {
        core.revokeApiKeys.revoke(Actor.operator(), bobs.key().id());
        assertEquals(Why.REVOKED, notUsable(bobs.secret()));
    }

    @Test
    void lockingTheOwnerStopsTheirKeysAtOnceAndUnlockingStartsThemAgain() {
        core.lockUser.lock(Actor.operator(), BOB, "left the team");
        assertEquals(Why.OWNER_NOT_ACTIVE, notUsable(bobs.secret()));
        core.unlockUser.unlock(Actor.operator(), BOB);
        assertEquals(BOB, identified(bobs.secret()).username());
    }

    @Test
    void aPendingOwnersKeysDoNotWork() {
        core.users.update(BOB, u -> u.withStatus(UserStatus.PENDING));
        assertEquals(Why.OWNER_NOT_ACTIVE, notUsable(bobs.secret()));
    }

    @Test
    void deletingTheOwnerRevokesTheirKeysWhichStayListed() {
        core.removeUser.remove(Actor.operator(), BOB);
        assertEquals(Why.REVOKED, notUsable(bobs.secret()));
        assertTrue(core.apiKeys.listByOwner(BOB).get(0).isRevoked());
    }

    @Test
    void aKeyLeftByADeletedAccountNeverWorksForANewAccountOfTheSameName() {
        core.users.delete(BOB); // as another program editing the store would, without revoking
        assertEquals(Why.OWNER_NOT_ACTIVE, notUsable(bobs.secret()));
        core.clock.advance(Duration.ofMinutes(1));
        core.add("bob", "second-plum-tulip-ferry", false);
        assertEquals(Why.OWNER_NOT_ACTIVE, notUsable(bobs.secret()));
    }

    @Test
    void anImportedLlmuxKeyWorksWithTheSecretWhoseHashLlmuxStored() {
        // COMPAT.md's worked example: this secret's SHA-256, in standard Base64, is llmux's secretHash.
        String secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
        String secretHash = "6oZqdX5MOLq/qBJ8vppAnT4fk6AP8UiP9zX8+Rev/9A=";
        assertEquals(secretHash, LlmuxKeys.secretHash(secret));
        ApiKeyId id = new ApiKeyId("AAECAwQFBgcICQoL");
        core.apiKeys.insert(LlmuxKeys.imported(id, BOB, "laptop", secretHash, core.clock.instant(),
                Optional.empty(), Optional.empty()));

        Principal principal = identified("sas_" + id + "." + secret);

        assertEquals(BOB, principal.username());
        assertEquals(Optional.of("sas_AAECAwQF"), principal.apiKey().map(ApiKey::displayPrefix));
        String wrong = secret.substring(0, 42) + (secret.endsWith("f") ? "g" : "f");
        assertInstanceOf(Unknown.class, core.identifyCaller.identify("sas_" + id + "." + wrong));
    }

    @Test
    void anLlmuxShapedKeyCannotReachAMintedKeyById() {
        String secret = bobs.secret().substring(5, 48);
        assertInstanceOf(Unknown.class, core.identifyCaller.identify("sas_" + bobs.key().id() + "." + secret));
    }

    @Test
    void aSessionTokenIdentifiesTheSignedInUserThroughTheSameUseCase() {
        String token = core.signedIn("bob", "plum-tulip-ferry-42").token();
        Principal principal = assertInstanceOf(Identified.class, core.identifyCaller.identifySession(token)).principal();
        assertEquals(Credential.SESSION, principal.how());
        assertEquals(BOB, principal.username());
        assertTrue(principal.session().isPresent());
        assertInstanceOf(Unknown.class, core.identifyCaller.identifySession(bobs.secret()));
    }

    @Test
    void usesAreKeptInMemoryAndWrittenInOneBatchWhenFlushed() {
        MintApiKey.Minted other = core.mint("admin", Set.of());
        for (int i = 0; i < 5; i++) {
            identified(bobs.secret());
            identified(other.secret());
            core.clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(0, core.countedKeys.touches.get(), "no store write per request");
        assertEquals(2, core.lastUsed.flush());
        assertEquals(1, core.countedKeys.touches.get());
        assertEquals(Optional.of(core.clock.instant().minusSeconds(1)),
                core.apiKeys.find(bobs.key().id()).orElseThrow().lastUsedAt());
        assertEquals(0, core.lastUsed.flush());
        assertEquals(1, core.countedKeys.touches.get(), "nothing new, nothing written");
    }

    @Test
    void usesAFailedFlushCouldNotWriteAreWrittenByTheNextOne() {
        identified(bobs.secret());
        core.countedKeys.failNextTouch = true;
        assertThrows(dev.gatehouse.core.port.out.StoreException.class, core.lastUsed::flush);
        assertEquals(1, core.lastUsed.pending());
        assertEquals(1, core.lastUsed.flush());
        assertTrue(core.apiKeys.find(bobs.key().id()).orElseThrow().lastUsedAt().isPresent());
    }
}
