package dev.gatehouse.core.service.identities;

import static dev.gatehouse.core.service.identities.ProviderFixture.GITHUB;
import static dev.gatehouse.core.service.identities.ProviderFixture.GOOGLE;
import static dev.gatehouse.core.service.identities.ProviderFixture.KEYCLOAK;
import static dev.gatehouse.core.service.identities.ProviderFixture.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.SignInWithProvider.Refused;
import dev.gatehouse.core.port.in.SignInWithProvider.SignedIn;
import dev.gatehouse.core.port.in.SignInWithProvider.Why;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A new identity whose address is an account's is linked to it only when the operator turned
 * linking on, trusts the provider, the provider verified the address, and the account's address
 * is proven; otherwise the person is told to sign in the usual way and connect.
 */
class LinkingByEmailTest {

    private static final String ALICE = "alice@example.org";
    private static final ProviderRules TRUSTED = ProviderRules.defaults().withTrustedForEmail(true);
    private static final ExternalIdentity ALICE_AT_KEYCLOAK = identity(KEYCLOAK, "kc-alice", "alice", ALICE, true);
    private static final ExternalIdentity ALICE_AT_GOOGLE = identity(GOOGLE, "1089", "alice", ALICE, true);

    /** Everything that linking needs is on; alice's account came from Keycloak, which verified her address. */
    private static ProviderFixture everythingOn(RegistrationMode mode) {
        ProviderFixture f = new ProviderFixture(mode).with(ProviderSettings.none().withLinkByEmail(true)
                .with(KEYCLOAK, TRUSTED).with(GOOGLE, TRUSTED));
        if (mode == RegistrationMode.OPEN) {
            f.signedIn(ALICE_AT_KEYCLOAK);
        }
        return f;
    }

    @Test
    void whenEverythingHoldsTheNewIdentityIsLinkedAndSignsIn() {
        ProviderFixture f = everythingOn(RegistrationMode.OPEN);
        SignedIn in = f.signedIn(ALICE_AT_GOOGLE);
        assertEquals(Username.of("alice"), in.user().username());
        assertFalse(in.newAccount());
        assertEquals(1, f.core.users.count());
        assertEquals(2, f.links.listFor(Username.of("alice")).size());
        assertEquals("verified email", f.last("identity.link").details().get("how"));
        assertEquals("google:alice", f.last("identity.link").details().get("identity"));
    }

    @Test
    void aStrangerWithTheSameAddressAtAnUntrustedProviderGetsNoAccess() {
        ProviderFixture f = everythingOn(RegistrationMode.OPEN);
        ExternalIdentity stranger = identity(GITHUB, "666", "mallory", ALICE, true);
        Refused refused = f.refusedWithoutTrace(() -> f.signIn(stranger), "auth.provider_sign_in");
        assertEquals(Why.EMAIL_IN_USE, refused.why());
        assertTrue(refused.message().contains("My Account"), refused.message());
        assertFalse(refused.message().contains("alice"), "the message names no account: " + refused.message());
        assertEquals(1, f.links.listFor(Username.of("alice")).size());
    }

    @Test
    void anAddressThatOnlyFoldsToTheAccountsUnderUnicodeCaseRulesIsAnotherAddress() {
        // pıxel.example.org (dotless i) is a domain anyone may register; ignoring case, Java's
        // equalsIgnoreCase takes it for pixel.example.org.
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN).with(ProviderSettings.none()
                .withLinkByEmail(true).with(KEYCLOAK, TRUSTED).with(GOOGLE, TRUSTED));
        f.signedIn(identity(KEYCLOAK, "kc-alice", "alice", "alice@pixel.example.org", true));
        ExternalIdentity lookalike = identity(GOOGLE, "666", "mallory", "alice@p\u0131xel.example.org", true);
        SignedIn in = f.signedIn(lookalike);
        assertEquals(Username.of("mallory"), in.user().username(), "a new account, not alice's");
        assertEquals(1, f.links.listFor(Username.of("alice")).size());
    }

    @Test
    void anUnverifiedAddressNeverLinks() {
        ProviderFixture f = everythingOn(RegistrationMode.OPEN);
        ExternalIdentity unverified = identity(GOOGLE, "1089", "alice", ALICE, false);
        assertEquals(Why.EMAIL_IN_USE, f.refusedWithoutTrace(() -> f.signIn(unverified), "auth.provider_sign_in").why());
    }

    @Test
    void withoutTheOperatorsSwitchNothingLinksByEmail() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN)
                .with(ProviderSettings.none().with(KEYCLOAK, TRUSTED).with(GOOGLE, TRUSTED));
        f.signedIn(ALICE_AT_KEYCLOAK);
        assertEquals(Why.EMAIL_IN_USE,
                f.refusedWithoutTrace(() -> f.signIn(ALICE_AT_GOOGLE), "auth.provider_sign_in").why());
    }

    @Test
    void anAccountsAddressTypedAtRegistrationProvesNothing() {
        ProviderFixture f = everythingOn(RegistrationMode.APPROVAL);
        f.registration.registered("alice", ALICE, null); // typed, never checked
        f.registration.approveUser.approve(Actor.operator(), Username.of("alice"));
        assertEquals(Why.EMAIL_IN_USE,
                f.refusedWithoutTrace(() -> f.signIn(ALICE_AT_GOOGLE), "auth.provider_sign_in").why());
    }

    @Test
    void anAccountRegisteredWithAnInviteBoundToTheAddressIsProven() {
        ProviderFixture f = everythingOn(RegistrationMode.INVITE);
        f.registration.registered("alice", ALICE, f.invite(ALICE, 1));
        SignedIn in = f.signedIn(ALICE_AT_GOOGLE);
        assertEquals(Username.of("alice"), in.user().username());
    }

    @Test
    void anAddressProvenOnlyByAProviderNoLongerTrustedProvesNothing() {
        ProviderFixture f = everythingOn(RegistrationMode.OPEN);
        f.with(ProviderSettings.none().withLinkByEmail(true).with(GOOGLE, TRUSTED)); // Keycloak's trust withdrawn
        assertEquals(Why.EMAIL_IN_USE,
                f.refusedWithoutTrace(() -> f.signIn(ALICE_AT_GOOGLE), "auth.provider_sign_in").why());
    }

    @Test
    void aLockedAccountIsNotLinkedToByEmail() {
        ProviderFixture f = everythingOn(RegistrationMode.OPEN);
        f.core.lockUser.lock(Actor.operator(), Username.of("alice"), "");
        assertEquals(Why.LOCKED, f.refusedWithoutTrace(() -> f.signIn(ALICE_AT_GOOGLE), "auth.provider_sign_in").why());
    }

    @Test
    void aMatchInClosedRegistrationIsToldToConnect() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.CLOSED);
        f.core.users.insert(User.create(Username.of("alice"), "hash", Set.of(), f.core.clock.instant())
                .withEmail(Optional.of(ALICE)));
        assertEquals(Why.EMAIL_IN_USE,
                f.refusedWithoutTrace(() -> f.signIn(ALICE_AT_GOOGLE), "auth.provider_sign_in").why());
    }

    @Test
    void closedRegistrationStillLinksByAPermittedEmailMatch() {
        ProviderFixture f = everythingOn(RegistrationMode.OPEN).inMode(RegistrationMode.CLOSED);
        assertInstanceOf(SignedIn.class, f.signIn(ALICE_AT_GOOGLE));
        assertEquals(1, f.core.users.count());
    }
}
