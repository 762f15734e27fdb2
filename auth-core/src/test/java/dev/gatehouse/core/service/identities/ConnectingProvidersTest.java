package dev.gatehouse.core.service.identities;

import static dev.gatehouse.core.service.identities.ProviderFixture.GITHUB;
import static dev.gatehouse.core.service.identities.ProviderFixture.KEYCLOAK;
import static dev.gatehouse.core.service.identities.ProviderFixture.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.SignInWithProvider.Command;
import dev.gatehouse.core.port.in.SignInWithProvider.Connected;
import dev.gatehouse.core.port.in.SignInWithProvider.Refused;
import dev.gatehouse.core.port.in.SignInWithProvider.SignedIn;
import dev.gatehouse.core.port.in.SignInWithProvider.Why;
import dev.gatehouse.core.testing.RegistrationFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A signed-in person connects another provider from My Account; an identity belongs to one account only. */
class ConnectingProvidersTest {

    private static final ExternalIdentity OCTOCAT = identity(GITHUB, "583231", "octocat", "octo@example.org", true);

    private static ProviderFixture withAlice() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.CLOSED);
        f.core.add("root", RegistrationFixture.PASSWORD, true);
        f.core.add("alice", RegistrationFixture.PASSWORD, false);
        return f;
    }

    @Test
    void aSignedInUserConnectsAProviderAndThenSignsInWithIt() {
        ProviderFixture f = withAlice();
        Connected connected = assertInstanceOf(Connected.class, f.connect(OCTOCAT, "alice"));
        assertFalse(connected.already());
        assertEquals(Username.of("alice"), connected.link().username());
        assertEquals("github:octocat", f.last("identity.connect").details().get("identity"));
        assertEquals("alice", f.last("identity.connect").actor());

        SignedIn in = f.signedIn(OCTOCAT); // registration is closed: the link is what lets octocat in
        assertEquals(Username.of("alice"), in.user().username());
        assertEquals(2, f.core.users.count(), "root and alice, nobody new");
    }

    @Test
    void connectingTheSameIdentityAgainChangesNothing() {
        ProviderFixture f = withAlice();
        f.connect(OCTOCAT, "alice");
        assertTrue(assertInstanceOf(Connected.class, f.connect(OCTOCAT, "alice")).already());
        assertEquals(1, f.allLinks().size());
    }

    @Test
    void aReplayedConnectOfAnIdentityThatIsSomeoneElsesIsRefused() {
        ProviderFixture f = withAlice();
        f.core.add("bob", RegistrationFixture.PASSWORD, false);
        f.connect(OCTOCAT, "bob");

        Refused refused = f.refusedWithoutTrace(() -> f.connect(OCTOCAT, "alice"), "identity.connect");

        assertEquals(Why.LINKED_TO_ANOTHER_ACCOUNT, refused.why());
        assertFalse(refused.message().contains("bob"), "the person is not told whose it is: " + refused.message());
        assertEquals("bob", f.last("identity.connect").details().get("owner"), "the administrators are");
        assertEquals(Username.of("bob"), f.allLinks().get(0).username());
    }

    @Test
    void anAdministratorActingAsAUserCannotConnectTheirIdentityToThatAccount() {
        ProviderFixture f = withAlice();
        Actor impersonated = f.core.actorFor("alice").impersonatedBy(Optional.of(Username.of("root")));
        Refused refused = f.refusedWithoutTrace(() -> f.service().signIn(Command.connect(OCTOCAT, impersonated, "test")),
                "identity.connect");
        assertEquals(Why.NOT_ALLOWED, refused.why());
        assertTrue(refused.message().contains("impersonating"), refused.message());
    }

    @Test
    void connectingNeedsAnActiveAccount() {
        ProviderFixture f = withAlice();
        Actor alice = f.core.actorFor("alice");
        f.core.lockUser.lock(Actor.operator(), Username.of("alice"), "");
        assertEquals(Why.NOT_ALLOWED, f.refusedWithoutTrace(
                () -> f.service().signIn(Command.connect(OCTOCAT, alice, "test")), "identity.connect").why());
        assertEquals(Why.NOT_ALLOWED, f.refusedWithoutTrace(
                () -> f.service().signIn(Command.connect(OCTOCAT, Actor.anonymous("192.0.2.1"), "test")),
                "identity.connect").why());
    }

    @Test
    void aProviderThatMustVerifyAddressesCannotBeConnectedWithoutOne() {
        ProviderFixture f = withAlice().with(ProviderSettings.none().with(KEYCLOAK,
                ProviderRules.defaults().withVerifiedEmailRequired(true)));
        ExternalIdentity unverified = identity(KEYCLOAK, "kc-a", "alice", "alice@example.org", false);
        assertEquals(Why.EMAIL_UNVERIFIED,
                f.refusedWithoutTrace(() -> f.connect(unverified, "alice"), "identity.connect").why());
    }
}
