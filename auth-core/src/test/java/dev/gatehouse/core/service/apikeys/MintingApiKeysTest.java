package dev.gatehouse.core.service.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.in.LockUser;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.MintApiKey.Command;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.testing.CoreFixture;
import dev.gatehouse.core.testing.InMemoryAuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may mint keys for whom, and what a new key looks like. */
class MintingApiKeysTest {

    private static final Username ALICE = Username.of("alice");
    private static final Username BOB = Username.of("bob");
    private final CoreFixture core = new CoreFixture();

    @BeforeEach
    void users() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
    }

    private MintApiKey.Result mint(Actor actor, Optional<Username> owner) {
        return core.mintApiKey.mint(new Command(actor, owner, Optional.empty(), Optional.empty(), Set.of()));
    }

    @Test
    void aUserMintsTheirOwnKeyAndSeesTheSecretOnceWhileOnlyItsDigestIsStored() {
        MintApiKey.Minted minted = assertInstanceOf(MintApiKey.Minted.class, mint(core.actorFor("alice"), Optional.empty()));
        ApiKey key = minted.key();
        assertEquals(ALICE, key.owner());
        assertTrue(ApiKeyFormat.looksValid(minted.secret()), minted.secret());
        assertEquals(minted.secret().substring(0, 12), key.displayPrefix());
        assertEquals(core.tokens.digest(minted.secret()), key.digest());
        assertEquals(ApiKey.Origin.MINTED, key.origin());
        assertEquals(Optional.of(key), core.apiKeys.find(key.id()));
        assertFalse(minted.toString().contains(minted.secret()));
    }

    @Test
    void anAdministratorMintsForAnyUser() {
        MintApiKey.Minted minted = assertInstanceOf(MintApiKey.Minted.class, mint(core.actorFor("admin"), Optional.of(BOB)));
        assertEquals(BOB, minted.key().owner());
    }

    @Test
    void aUserNamingSomeoneElseIsRefusedNotQuietlyGivenTheirOwnKey() {
        Refused refused = assertInstanceOf(Refused.class, mint(core.actorFor("alice"), Optional.of(BOB)));
        assertEquals(Reason.NOT_ALLOWED, refused.reason());
        assertEquals(0, core.apiKeys.listByOwner(ALICE).size() + core.apiKeys.listByOwner(BOB).size());
        AuditEvent event = last(core.auditLog);
        assertEquals("api_key.mint", event.action());
        assertEquals(AuditEvent.Outcome.REFUSED, event.outcome());
    }

    @Test
    void theOperatorMustSayWhoseKeyItIs() {
        Refused refused = assertInstanceOf(Refused.class, mint(Actor.operator(), Optional.empty()));
        assertEquals(Reason.INVALID, refused.reason());
        assertTrue(refused.message().contains("--username"), refused.message());
    }

    @Test
    void keysAreOnlyForUsersWhoExistAndAreActive() {
        assertEquals(Reason.NOT_FOUND, assertInstanceOf(Refused.class,
                mint(Actor.operator(), Optional.of(Username.of("ghost")))).reason());
        assertInstanceOf(LockUser.Locked.class, core.lockUser.lock(Actor.operator(), BOB, "left"));
        Refused locked = assertInstanceOf(Refused.class, mint(Actor.operator(), Optional.of(BOB)));
        assertEquals(Reason.INVALID, locked.reason());
        assertTrue(locked.message().contains("'bob' is locked"), locked.message());
    }

    @Test
    void aKeyWithoutANameIsNamedAfterItsOwnerAndTheDayAndLivesAYearByDefault() {
        ApiKey key = core.mint("alice", Set.of()).key();
        assertEquals("alice-2026-01-10", key.name());
        assertEquals(Optional.of(core.clock.instant().plus(Duration.ofDays(365))), key.expiresAt());
    }

    @Test
    void theAskedNameAndExpiryAreKeptAndNeverExpiringIsAChoice() {
        Instant in90Days = core.clock.instant().plus(Duration.ofDays(90));
        ApiKey named = assertInstanceOf(MintApiKey.Minted.class, core.mintApiKey.mint(new Command(core.actorFor("alice"),
                Optional.empty(), Optional.of(" CI runner "), Optional.of(in90Days), Set.of()))).key();
        assertEquals("CI runner", named.name());
        assertEquals(Optional.of(in90Days), named.expiresAt());
        ApiKey forever = assertInstanceOf(MintApiKey.Minted.class, core.mintApiKey.mint(new Command(core.actorFor("alice"),
                Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), true))).key();
        assertEquals(Optional.empty(), forever.expiresAt());
    }

    @Test
    void aPolicyWithoutADefaultLifetimeMintsKeysThatLiveUntilRevoked() {
        MintApiKeyService mint = new MintApiKeyService(core.users, core.apiKeys, core.tokens, SecureRandomSource.system(),
                new KeyPolicy(Optional.empty()), core.audit, core.clock);
        MintApiKey.Minted minted = assertInstanceOf(MintApiKey.Minted.class,
                mint.mint(new Command(core.actorFor("alice"), Optional.empty(), Optional.empty(), Optional.empty(), Set.of())));
        assertEquals(Optional.empty(), minted.key().expiresAt());
    }

    @Test
    void anExpiryInThePastOrNowIsRefused() {
        for (Instant when : new Instant[] {core.clock.instant(), core.clock.instant().minusSeconds(1)}) {
            Refused refused = assertInstanceOf(Refused.class, core.mintApiKey.mint(new Command(core.actorFor("alice"),
                    Optional.empty(), Optional.empty(), Optional.of(when), Set.of())));
            assertEquals(Reason.INVALID, refused.reason());
            assertTrue(refused.message().contains("not in the future"), refused.message());
        }
    }

    @Test
    void scopesAreCheckedAndKeptSorted() {
        ApiKey scoped = core.mint("alice", Set.of("models:llama-*", "chat")).key();
        assertEquals("[chat, models:llama-*]", scoped.scopes().toString());
        Refused refused = assertInstanceOf(Refused.class, core.mintApiKey.mint(new Command(core.actorFor("alice"),
                Optional.empty(), Optional.empty(), Optional.empty(), Set.of("Chat Completions"))));
        assertEquals(Reason.INVALID, refused.reason());
        assertTrue(refused.message().contains("'Chat Completions' is not a scope"), refused.message());
    }

    @Test
    void badNamesAreRefusedWithTheReason() {
        Refused refused = assertInstanceOf(Refused.class, core.mintApiKey.mint(new Command(core.actorFor("alice"),
                Optional.empty(), Optional.of("x".repeat(101)), Optional.empty(), Set.of())));
        assertEquals(Reason.INVALID, refused.reason());
        assertTrue(refused.message().contains("at most 100"), refused.message());
    }

    @Test
    void mintingIsAuditedWithTheKeyIdAndOwnerButNeverTheSecret() {
        MintApiKey.Minted minted = core.mint("bob", Set.of("chat"));
        AuditEvent event = last(core.auditLog);
        assertEquals("api_key.mint", event.action());
        assertEquals("operator", event.actor());
        assertEquals(Optional.of(BOB), event.target());
        assertEquals(minted.key().id().value(), event.details().get("key"));
        assertEquals("chat", event.details().get("scopes"));
        assertFalse(event.toString().contains(minted.secret()));
        assertFalse(event.details().containsValue(minted.key().digest()));
    }

    private static AuditEvent last(InMemoryAuditLog log) {
        return log.all().get(log.all().size() - 1);
    }
}
