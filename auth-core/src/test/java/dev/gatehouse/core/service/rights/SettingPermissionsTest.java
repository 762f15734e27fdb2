package dev.gatehouse.core.service.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.rights.EffectiveRights;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.in.ReadPermissions;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.SetPermissions;
import dev.gatehouse.core.port.in.SetPermissions.Command;
import dev.gatehouse.core.testing.CoreFixture;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingPermissionsTest {

    private final CoreFixture core = new CoreFixture();
    private final FeatureCatalog catalog = FeatureCatalog.localAi();
    private final SetPermissionsService set = new SetPermissionsService(core.users, core.permissions, catalog, core.audit);
    private final ReadPermissionsService read = new ReadPermissionsService(core.users, core.permissions, catalog);
    private final User root = core.add("root", "amber-kettle-river-9", true);
    private final User alice = core.add("alice", "plum-tulip-ferry-42", false);
    private final Actor admin = Actor.user(root, "192.0.2.1");

    private SetPermissions.Result chatAndLlamaOnly(Actor actor) {
        Map<String, Boolean> features = new java.util.HashMap<>();
        catalog.names().forEach(name -> features.put(name, name.equals("chat")));
        return set.set(new Command(actor, alice.username(), features, Set.of(), true,
                Optional.of(ModelAccess.parse("llama-*"))));
    }

    @Test
    void anAdministratorGivesAUserChatAndSomeModelsOnlyAndItIsAudited() {
        SetPermissions.Changed changed = assertInstanceOf(SetPermissions.Changed.class, chatAndLlamaOnly(admin));
        assertEquals(List.of("chat"), changed.rights().enabled());
        assertEquals(List.of("llama-*"), changed.rights().models().patterns());
        AuditEvent event = core.auditLog.all().get(core.auditLog.all().size() - 1);
        assertEquals("user.permissions", event.action());
        assertEquals("root", event.actor());
        assertEquals("defaults", event.details().get("features_before"));
        assertEquals("all", event.details().get("models_before"));
        assertEquals("llama-*", event.details().get("models_after"));
        assertTrue(event.details().get("features_after").contains("chat=on"));
    }

    @Test
    void usersCannotChangePermissions() {
        Refused refused = assertInstanceOf(Refused.class, chatAndLlamaOnly(Actor.user(alice, "192.0.2.2")));
        assertEquals(Refused.Reason.NOT_ALLOWED, refused.reason());
        assertEquals(Optional.empty(), core.permissions.find(alice.username()));
        assertEquals(AuditEvent.Outcome.REFUSED, core.auditLog.all().get(core.auditLog.all().size() - 1).outcome());
    }

    @Test
    void anUnknownFeatureIsRefusedListingTheKnownOnes() {
        Refused refused = assertInstanceOf(Refused.class, set.set(new Command(admin, alice.username(),
                Map.of("teleport", true), Set.of(), false, Optional.empty())));
        assertEquals(Refused.Reason.INVALID, refused.reason());
        assertTrue(refused.message().contains("'teleport' is not a feature") && refused.message().contains("mcp_jobs"),
                refused.message());
    }

    @Test
    void changesMergeAndAFeatureCanGoBackToItsDefault() {
        set.set(new Command(admin, alice.username(), Map.of("agents", true, "images", false), Set.of(), false,
                Optional.empty()));
        set.set(new Command(Actor.operator(), alice.username(), Map.of("chat", false), Set.of("images"), false,
                Optional.of(ModelAccess.parse("mistral, llama-*"))));
        assertEquals(Optional.of(new Permissions(Map.of("agents", true, "chat", false),
                ModelAccess.only(List.of("mistral", "llama-*")))), core.permissions.find(alice.username()));
    }

    @Test
    void settingEverythingBackToTheDefaultsRemovesTheRecord() {
        chatAndLlamaOnly(admin);
        set.set(new Command(admin, alice.username(), Map.of(), Set.of(), true, Optional.of(ModelAccess.everything())));
        assertEquals(Optional.empty(), core.permissions.find(alice.username()));
    }

    @Test
    void aMissingUserIsRefused() {
        assertInstanceOf(Refused.class, set.set(new Command(admin, Username.of("nobody"), Map.of(), Set.of(), false,
                Optional.empty())));
    }

    @Test
    void effectiveRightsShowEveryFeatureWithItsDefault() {
        chatAndLlamaOnly(admin);
        ReadPermissions.Rights rights = assertInstanceOf(ReadPermissions.Rights.class,
                read.read(Actor.user(alice, ""), alice.username()));
        EffectiveRights.Feature images = rights.effective().features().stream()
                .filter(f -> f.name().equals("images")).findFirst().orElseThrow();
        assertEquals(new EffectiveRights.Feature("images", false, true, true), images);
        assertEquals(catalog.names().size(), rights.effective().features().size());
    }

    @Test
    void usersReadOnlyTheirOwnRightsAndAdministratorsAnyones() {
        User bob = core.add("bob", "amber-kettle-river-9", false);
        assertInstanceOf(Refused.class, read.read(Actor.user(bob, ""), alice.username()));
        assertInstanceOf(ReadPermissions.Rights.class, read.read(admin, alice.username()));
    }

    @Test
    void removingAUserRemovesTheirPermissions() {
        chatAndLlamaOnly(admin);
        core.removeUser.remove(admin, alice.username());
        assertEquals(Optional.empty(), core.permissions.find(alice.username()));
    }

    @Test
    void theCatalogReadsTheOperatorsListAndRefusesBadNames() {
        FeatureCatalog parsed = FeatureCatalog.parse("chat, images ,agents:off");
        assertEquals(Map.of("chat", true, "images", true, "agents", false), parsed.defaults());
        assertEquals("chat,images,agents:off", parsed.describe());
        assertThrows(IllegalArgumentException.class, () -> FeatureCatalog.parse("Chat"));
        assertThrows(IllegalArgumentException.class, () -> FeatureCatalog.parse("chat:maybe"));
        assertThrows(IllegalArgumentException.class, () -> ModelAccess.parse("llama 3"));
        assertEquals(ModelAccess.everything(), ModelAccess.parse("all"));
    }
}
