package dev.gatehouse.core.service.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.in.ListApiKeys;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.in.RenameApiKey;
import dev.gatehouse.core.port.in.RevokeApiKeys;
import dev.gatehouse.core.testing.CoreFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Owners list, rename and revoke their keys; administrators anyone's; every change is audited. */
class ManagingApiKeysTest {

    private static final Username ALICE = Username.of("alice");
    private static final Username BOB = Username.of("bob");
    private final CoreFixture core = new CoreFixture();
    private final StaticKeys staticKeys = StaticKeys.parse("static-key-from-configuration", Optional.empty(),
            java.time.Instant.parse("2026-01-01T00:00:00Z"));
    private final ListApiKeysService listApiKeys = new ListApiKeysService(core.apiKeys, staticKeys.listed());
    private ApiKey alices;
    private ApiKey alicesNewer;
    private ApiKey bobs;

    @BeforeEach
    void keys() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
        alices = core.mint("alice", Set.of()).key();
        core.clock.advance(Duration.ofMinutes(1));
        alicesNewer = core.mint("alice", Set.of()).key();
        bobs = core.mint("bob", Set.of()).key();
    }

    private List<ApiKeyId> listed(Actor actor, Optional<Username> owner) {
        return assertInstanceOf(ListApiKeys.Listed.class, listApiKeys.list(actor, owner)).keys().stream()
                .map(ApiKey::id).toList();
    }

    private AuditEvent lastEvent() {
        return core.auditLog.all().get(core.auditLog.all().size() - 1);
    }

    @Test
    void aUserListsOnlyTheirOwnKeysNewestFirst() {
        assertEquals(List.of(alicesNewer.id(), alices.id()), listed(core.actorFor("alice"), Optional.empty()));
        assertEquals(List.of(alicesNewer.id(), alices.id()), listed(core.actorFor("alice"), Optional.of(ALICE)));
    }

    @Test
    void aUserAskingForAnotherUsersKeysIsRefused() {
        Refused refused = assertInstanceOf(Refused.class, listApiKeys.list(core.actorFor("alice"), Optional.of(BOB)));
        assertEquals(Reason.NOT_ALLOWED, refused.reason());
    }

    @Test
    void anAdministratorListsEveryonesKeysAndTheConfiguredOnesMarkedLegacy() {
        List<ApiKey> all = assertInstanceOf(ListApiKeys.Listed.class,
                listApiKeys.list(core.actorFor("admin"), Optional.empty())).keys();
        assertEquals(4, all.size());
        ApiKey configured = all.get(all.size() - 1);
        assertTrue(configured.isLegacy());
        assertEquals(StaticKeys.BUILT_IN, configured.owner());
        assertEquals(List.of(bobs.id()), listed(core.actorFor("admin"), Optional.of(BOB)));
        assertEquals(List.of(alicesNewer.id(), alices.id()), listed(Actor.operator(), Optional.of(ALICE)));
    }

    @Test
    void anOwnerRenamesTheirKeyAndTheRenameIsAudited() {
        RenameApiKey.Renamed renamed = assertInstanceOf(RenameApiKey.Renamed.class,
                core.renameApiKey.rename(core.actorFor("alice"), alices.id(), "  laptop "));
        assertEquals("laptop", renamed.key().name());
        assertEquals("laptop", core.apiKeys.find(alices.id()).orElseThrow().name());
        AuditEvent event = lastEvent();
        assertEquals("api_key.rename", event.action());
        assertEquals(alices.id().value(), event.details().get("key"));
        assertEquals("laptop", event.details().get("to"));
    }

    @Test
    void renamingSomeoneElsesKeyIsForAdministratorsOnly() {
        assertEquals(Reason.NOT_ALLOWED, assertInstanceOf(Refused.class,
                core.renameApiKey.rename(core.actorFor("alice"), bobs.id(), "mine now")).reason());
        assertEquals(AuditEvent.Outcome.REFUSED, lastEvent().outcome());
        assertInstanceOf(RenameApiKey.Renamed.class, core.renameApiKey.rename(core.actorFor("admin"), bobs.id(), "ci"));
    }

    @Test
    void renamingAnUnknownKeyOrToABadNameIsRefused() {
        assertEquals(Reason.NOT_FOUND, assertInstanceOf(Refused.class,
                core.renameApiKey.rename(Actor.operator(), new ApiKeyId("config-1"), "x")).reason());
        assertEquals(Reason.INVALID, assertInstanceOf(Refused.class,
                core.renameApiKey.rename(Actor.operator(), alices.id(), "a\nb")).reason());
    }

    @Test
    void aRevokedKeyCanStillBeRenamedAsANameIsOnlyALabel() {
        core.revokeApiKeys.revoke(Actor.operator(), alices.id());
        assertInstanceOf(RenameApiKey.Renamed.class, core.renameApiKey.rename(core.actorFor("alice"), alices.id(), "old"));
    }

    @Test
    void anOwnerRevokesTheirKeyWhichStaysListedAsRevoked() {
        assertEquals(new RevokeApiKeys.Revoked(1), core.revokeApiKeys.revoke(core.actorFor("alice"), alices.id()));
        assertEquals(new RevokeApiKeys.Revoked(0), core.revokeApiKeys.revoke(core.actorFor("alice"), alices.id()));
        List<ApiKey> listed = assertInstanceOf(ListApiKeys.Listed.class,
                listApiKeys.list(core.actorFor("alice"), Optional.empty())).keys();
        assertTrue(listed.stream().filter(k -> k.id().equals(alices.id())).findFirst().orElseThrow().isRevoked());
        AuditEvent event = lastEvent();
        assertEquals("api_key.revoke", event.action());
        assertEquals("0", event.details().get("count"));
    }

    @Test
    void revokingSomeoneElsesKeyIsForAdministratorsOnly() {
        assertEquals(Reason.NOT_ALLOWED, assertInstanceOf(Refused.class,
                core.revokeApiKeys.revoke(core.actorFor("alice"), bobs.id())).reason());
        assertEquals(new RevokeApiKeys.Revoked(1), core.revokeApiKeys.revoke(core.actorFor("admin"), bobs.id()));
        assertEquals(Reason.NOT_FOUND, assertInstanceOf(Refused.class,
                core.revokeApiKeys.revoke(Actor.operator(), new ApiKeyId("nosuchkey"))).reason());
    }

    @Test
    void aUserRevokesAllTheirOwnKeysButNobodyElses() {
        assertEquals(new RevokeApiKeys.Revoked(2), core.revokeApiKeys.revokeAll(core.actorFor("alice"), Optional.empty()));
        assertTrue(core.apiKeys.listByOwner(BOB).stream().noneMatch(ApiKey::isRevoked));
        assertEquals(Reason.NOT_ALLOWED, assertInstanceOf(Refused.class,
                core.revokeApiKeys.revokeAll(core.actorFor("alice"), Optional.of(BOB))).reason());
        assertEquals(AuditEvent.Outcome.REFUSED, lastEvent().outcome());
    }

    @Test
    void anAdministratorRevokesOneOwnersKeysOrEveryonesWithTheCountAudited() {
        assertEquals(new RevokeApiKeys.Revoked(1), core.revokeApiKeys.revokeAll(core.actorFor("admin"), Optional.of(BOB)));
        assertEquals(Optional.of(BOB), lastEvent().target());
        assertEquals(new RevokeApiKeys.Revoked(2), core.revokeApiKeys.revokeAll(core.actorFor("admin"), Optional.empty()));
        AuditEvent event = lastEvent();
        assertEquals("api_key.revoke_all", event.action());
        assertEquals("2", event.details().get("count"));
        assertEquals("all", event.details().get("owners"));
        assertEquals(0, core.apiKeys.page(Optional.empty(), 100).stream().filter(k -> !k.isRevoked()).count());
    }

    @Test
    void deletingAUserRevokesTheirKeysAndAuditsHowMany() {
        core.removeUser.remove(Actor.operator(), ALICE);
        assertTrue(core.apiKeys.listByOwner(ALICE).stream().allMatch(ApiKey::isRevoked));
        assertEquals("2", lastEvent().details().get("api_keys_revoked"));
    }
}
