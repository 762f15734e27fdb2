package dev.gatehouse.core.service.identities;

import static dev.gatehouse.core.service.identities.ProviderFixture.KEYCLOAK;
import static dev.gatehouse.core.service.identities.ProviderFixture.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.in.SignInWithProvider.SignedIn;
import dev.gatehouse.core.testing.RegistrationFixture;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provider's groups give roles, features and models at every sign-in, and every change is audited. */
class RightsFromProvidersTest {

    private static final ProviderRules ADMINS = ProviderRules.defaults().withAdminValues(List.of("/gatehouse-admins"));

    private static ExternalIdentity alice(String... groups) {
        return identity(KEYCLOAK, "kc-alice", "alice", "alice@example.org", true, groups);
    }

    private static ProviderFixture with(ProviderRules rules) {
        return new ProviderFixture(RegistrationMode.OPEN).with(ProviderSettings.none().with(KEYCLOAK, rules));
    }

    @Test
    void anAdminGroupMakesAnAdministratorAtTheFirstSignIn() {
        ProviderFixture f = with(ADMINS);
        SignedIn in = f.signedIn(alice("/staff", "/gatehouse-admins"));
        assertTrue(in.user().isAdmin());
        assertEquals("groups", f.last("user.register").details().get("admin_by"));
    }

    @Test
    void anAdminGroupSkipsTheWaitForApproval() {
        ProviderFixture f = with(ADMINS).inMode(RegistrationMode.APPROVAL);
        assertTrue(f.signedIn(alice("/gatehouse-admins")).user().isAdmin());
    }

    @Test
    void groupValuesAreComparedExactly() {
        ProviderFixture f = with(ADMINS);
        assertFalse(f.signedIn(alice("gatehouse-admins", "/Gatehouse-Admins")).user().isAdmin());
    }

    @Test
    void someoneRemovedFromTheAdminGroupLosesTheRoleAtTheNextSignInAndItIsAudited() {
        ProviderFixture f = with(ADMINS.withGroupsAuthoritative(true));
        f.signedIn(alice("/gatehouse-admins"));

        SignedIn later = f.signedIn(alice("/staff"));

        assertFalse(later.user().isAdmin());
        assertFalse(f.user("alice").isAdmin());
        AuditEvent change = f.last("user.role_change");
        assertEquals(Username.of("alice"), change.target().orElseThrow());
        assertEquals("admin", change.details().get("from"));
        assertEquals("user", change.details().get("to"));
        assertEquals("keycloak", change.details().get("provider"));
        assertEquals("keycloak:alice", change.details().get("identity"));
    }

    @Test
    void withoutAuthoritativeGroupsLeavingTheGroupTakesNothingAway() {
        ProviderFixture f = with(ADMINS);
        f.signedIn(alice("/gatehouse-admins"));
        int events = f.core.auditLog.all().size();
        assertTrue(f.signedIn(alice()).user().isAdmin());
        assertTrue(f.core.auditLog.all().subList(events, f.core.auditLog.all().size()).stream()
                .noneMatch(e -> e.action().equals("user.role_change")), "nothing changed, nothing audited");
    }

    @Test
    void joiningTheAdminGroupLaterPromotesAtTheNextSignIn() {
        ProviderFixture f = with(ADMINS);
        assertFalse(f.signedIn(alice()).user().isAdmin());
        assertTrue(f.signedIn(alice("/gatehouse-admins")).user().isAdmin());
        assertEquals("admin", f.last("user.role_change").details().get("to"));
    }

    @Test
    void anAdministratorByHandIsDemotedByAuthoritativeGroupsButTheUserNamedAdminNeverIs() {
        ProviderFixture f = with(ADMINS.withGroupsAuthoritative(true));
        f.core.add("admin", RegistrationFixture.PASSWORD, true);
        f.core.add("root", RegistrationFixture.PASSWORD, true);
        ExternalIdentity rootAtKeycloak = identity(KEYCLOAK, "kc-root", "root", null, false);
        f.connect(rootAtKeycloak, "root");
        f.connect(alice(), "admin");
        assertFalse(f.signedIn(rootAtKeycloak).user().isAdmin(), "the provider decides");
        assertTrue(f.signedIn(alice()).user().isAdmin(), "'admin' is always an administrator");
    }

    @Test
    void authoritativeGroupsDecideTheRoleEvenOverTheAdministratorEmail() {
        ProviderFixture f = with(ADMINS.withGroupsAuthoritative(true));
        ExternalIdentity owner = identity(KEYCLOAK, "kc-owner", "owner", RegistrationFixture.ADMIN_EMAIL, true);
        assertFalse(f.signedIn(owner).user().isAdmin());
    }

    @Test
    void groupsGrantFeaturesAndModelsAndTakeThemBackWhenAuthoritative() {
        ProviderRules rules = ProviderRules.defaults().withGroupsAuthoritative(true)
                .withFeatureGrant("/agents", Set.of("agents"))
                .withModelGrant("/llama", List.of("llama-*"));
        ProviderFixture f = with(rules);

        f.signedIn(alice("/agents", "/llama"));
        Permissions granted = f.core.permissions.find(Username.of("alice")).orElseThrow();
        assertEquals(Map.of("agents", true), granted.features());
        assertEquals(ModelAccess.only(List.of("llama-*")), granted.models());
        assertEquals("provider groups", f.last("user.permissions").details().get("by"));

        f.signedIn(alice("/llama"));
        Permissions after = f.core.permissions.find(Username.of("alice")).orElseThrow();
        assertEquals(Map.of("agents", false), after.features(), "the group left, the feature goes");
        assertEquals("agents=on", f.last("user.permissions").details().get("features_before"));
        assertEquals("agents=off", f.last("user.permissions").details().get("features_after"));
        assertEquals("keycloak", f.last("user.permissions").details().get("provider"));
    }

    @Test
    void grantsThatAreNotAuthoritativeOnlyAdd() {
        ProviderRules rules = ProviderRules.defaults().withFeatureGrant("/agents", Set.of("agents"));
        ProviderFixture f = with(rules);
        f.signedIn(alice("/agents"));
        f.signedIn(alice());
        assertEquals(Map.of("agents", true), f.core.permissions.find(Username.of("alice")).orElseThrow().features());
    }

    @Test
    void aGrantOfAFeatureTheServerDoesNotOfferIsRefusedAtStart() {
        ProviderSettings typo = ProviderSettings.none().with(KEYCLOAK,
                ProviderRules.defaults().withFeatureGrant("/x", Set.of("agentz")));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> typo.checkedAgainst(FeatureCatalog.localAi()));
        assertTrue(refused.getMessage().contains("agentz"), refused.getMessage());
        assertTrue(refused.getMessage().contains("keycloak"), refused.getMessage());
    }
}
