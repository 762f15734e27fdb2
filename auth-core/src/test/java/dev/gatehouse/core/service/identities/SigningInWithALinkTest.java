package dev.gatehouse.core.service.identities;

import static dev.gatehouse.core.service.identities.ProviderFixture.GITHUB;
import static dev.gatehouse.core.service.identities.ProviderFixture.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.SignInWithProvider.Refused;
import dev.gatehouse.core.port.in.SignInWithProvider.SignedIn;
import dev.gatehouse.core.port.in.SignInWithProvider.Why;
import dev.gatehouse.core.testing.RegistrationFixture;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Later sign-ins of a linked identity land on its account, whatever the provider calls the person now. */
class SigningInWithALinkTest {

    private static final ExternalIdentity OCTOCAT = identity(GITHUB, "583231", "octocat", "octo@example.org", true);

    @Test
    void aLinkedIdentitySignsInToItsAccountAndTheLinkFollowsARenamedLogin() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        SignedIn first = f.signedIn(OCTOCAT);
        f.core.clock.advance(Duration.ofHours(2));

        ExternalIdentity renamed = identity(GITHUB, "583231", "monalisa", "mona@example.org", true);
        SignedIn later = f.signedIn(renamed);

        assertFalse(later.newAccount());
        assertEquals(first.user().username(), later.user().username(), "the subject decides, not the login");
        assertEquals(1, f.core.users.count());
        IdentityLink link = f.allLinks().get(0);
        assertEquals("monalisa", link.login());
        assertEquals(Optional.of("mona@example.org"), link.email());
        assertEquals(Optional.of(f.core.clock.instant()), link.lastUsedAt());
        assertEquals(f.core.clock.instant(), f.user("octocat").lastLogin().orElseThrow().at());
        assertNotEquals(first.session().id(), later.session().id());
    }

    @Test
    void aLockedAccountIsRefusedWithItsReasonAndGetsNoSession() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        f.signedIn(OCTOCAT);
        f.core.lockUser.lock(Actor.operator(), Username.of("octocat"), "Left the team");
        Refused refused = f.refusedWithoutTrace(() -> f.signIn(OCTOCAT), "auth.provider_sign_in");
        assertEquals(Why.LOCKED, refused.why());
        assertTrue(refused.message().contains("Left the team"), refused.message());
        assertEquals(Optional.of(Username.of("octocat")), f.last("auth.provider_sign_in").target());
    }

    @Test
    void anInviteBroughtToALaterSignInIsNotUsedUp() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        f.signedIn(OCTOCAT);
        String code = f.invite(null, 1);
        assertInstanceOf(SignedIn.class, f.signIn(OCTOCAT, code));
        assertEquals(0, f.inviteUses());
    }

    @Test
    void theSameSubjectAtAnotherProviderIsAnotherPerson() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        SignedIn github = f.signedIn(identity(GITHUB, "42", "alice", null, false));
        SignedIn keycloak = f.signedIn(identity(ProviderFixture.KEYCLOAK, "42", "alice", null, false));
        assertNotEquals(github.user().username(), keycloak.user().username());
    }

    @Test
    void someoneWhoTookOverAnOldLoginAtTheProviderDoesNotGetItsAccount() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        f.signedIn(OCTOCAT);
        ExternalIdentity newcomer = identity(GITHUB, "9000001", "octocat", null, false); // the login, freed and taken

        SignedIn in = f.signedIn(newcomer);

        assertTrue(in.newAccount());
        assertEquals(Username.of("octocat-2"), in.user().username());
        assertEquals(2, f.allLinks().size());
    }

    @Test
    void aNewAccountGivenTheNameOfARemovedOneDoesNotInheritItsLink() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        f.signedIn(OCTOCAT);
        f.core.add("admin", RegistrationFixture.PASSWORD, true);
        f.core.removeUser.remove(Actor.operator(), Username.of("octocat"));
        f.core.clock.advance(Duration.ofMinutes(5));
        f.core.add("octocat", RegistrationFixture.PASSWORD, false); // someone else, given the free name

        SignedIn in = f.signedIn(OCTOCAT);

        assertNotEquals(Username.of("octocat"), in.user().username(), "the old link leads nowhere");
        assertTrue(in.newAccount());
        assertEquals(Username.of("octocat-2"), in.user().username());
        assertEquals(1, f.allLinks().size(), "the stale link is gone");
        assertEquals("the account it led to was removed", f.last("identity.disconnect").details().get("reason"));
    }
}
