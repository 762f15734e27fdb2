package dev.gatehouse.core.service.identities;

import static dev.gatehouse.core.service.identities.ProviderFixture.GITHUB;
import static dev.gatehouse.core.service.identities.ProviderFixture.KEYCLOAK;
import static dev.gatehouse.core.service.identities.ProviderFixture.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.SignInWithProvider.AwaitingApproval;
import dev.gatehouse.core.port.in.SignInWithProvider.Refused;
import dev.gatehouse.core.port.in.SignInWithProvider.SignedIn;
import dev.gatehouse.core.port.in.SignInWithProvider.Why;
import dev.gatehouse.core.testing.RegistrationFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A first sign-in through a provider makes an account exactly as the registration mode allows. */
class SigningUpThroughProvidersTest {

    private static final ExternalIdentity OCTOCAT = identity(GITHUB, "583231", "octocat", "octo@example.org", true);

    @Test
    void openRegistrationMakesAnAccountWithoutAPasswordAndSignsItIn() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);

        SignedIn in = f.signedIn(OCTOCAT);

        assertTrue(in.newAccount());
        assertEquals(Username.of("octocat"), in.user().username());
        assertTrue(in.user().passwordHash().isEmpty(), "the account has no password");
        assertEquals(Optional.of("octo@example.org"), in.user().email(), "the verified address is kept");
        assertFalse(in.user().isAdmin());
        assertEquals("octocat", f.core.validateSession.validate(in.token()).orElseThrow().user().username().value(),
                "the session is a real one");
        assertEquals(1, f.allLinks().size());
        assertEquals(Username.of("octocat"), f.allLinks().get(0).username());
        assertEquals("open", f.last("user.register").details().get("mode"));
        assertEquals("github:octocat", f.last("user.register").details().get("identity"));
        assertEquals("new_account", f.last("identity.link").details().get("how"));
        assertEquals(AuditEvent.Outcome.SUCCESS, f.last("auth.provider_sign_in").outcome());
    }

    @Test
    void theAuditLogNamesTheIdentityByItsLoginNeverItsSubjectOrToken() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        SignedIn in = f.signedIn(OCTOCAT);
        for (AuditEvent event : f.core.auditLog.all()) {
            for (String value : event.details().values()) {
                assertFalse(value.contains("583231"), event + " names the subject");
                assertFalse(value.contains(in.token()), event + " holds the session token");
            }
        }
    }

    @Test
    void anUnverifiedAddressIsNotKeptOnTheAccount() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        SignedIn in = f.signedIn(identity(KEYCLOAK, "kc-1", "alice", "alice@example.org", false));
        assertEquals(Optional.empty(), in.user().email());
        assertEquals(Optional.empty(), f.allLinks().get(0).email());
    }

    @Test
    void closedRegistrationRefusesAStrangerAndCreatesNothing() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.CLOSED);
        Refused refused = f.refusedWithoutTrace(() -> f.signIn(OCTOCAT), "auth.provider_sign_in");
        assertEquals(Why.REGISTRATION_CLOSED, refused.why());
        assertTrue(refused.message().contains("invite"), refused.message());
        assertEquals(0, f.core.users.count());
    }

    @Test
    void closedRegistrationLetsSomeoneInvitedIn() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.CLOSED);
        String code = f.invite(null, 1);
        SignedIn in = assertInstanceOf(SignedIn.class, f.signIn(OCTOCAT, code));
        assertEquals(1, f.onlyInvite().uses().size());
        assertEquals(in.user().username(), f.onlyInvite().uses().get(0).username());
        assertEquals(f.onlyInvite().id().value(), f.last("invite.use").details().get("invite"));
    }

    @Test
    void inviteRegistrationNeedsTheInviteCarriedThroughTheRoundTrip() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.INVITE);
        assertEquals(Why.INVITE_REQUIRED, f.refusedWithoutTrace(() -> f.signIn(OCTOCAT), "auth.provider_sign_in").why());
        assertEquals(Why.INVITE_INVALID,
                f.refusedWithoutTrace(() -> f.signIn(OCTOCAT, "inv_not-a-code"), "auth.provider_sign_in").why());
        String code = f.invite(null, 1);
        assertInstanceOf(SignedIn.class, f.signIn(OCTOCAT, code));
        assertInstanceOf(SignedIn.class, f.signIn(OCTOCAT), "later sign-ins need no invite");
        assertEquals(1, f.inviteUses(), "the invite was used once");
    }

    @Test
    void anInviteWithNoUsesLeftIsRefusedAndCreatesNothing() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.INVITE);
        String code = f.invite(null, 1);
        f.registration.registered("carol", null, code);
        Refused refused = f.refusedWithoutTrace(() -> f.signIn(OCTOCAT, code), "auth.provider_sign_in");
        assertEquals(Why.INVITE_USED_UP, refused.why());
        assertEquals(1, f.core.users.count(), "only carol");
    }

    @Test
    void anInviteForAnotherAddressIsRefused() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.INVITE);
        String code = f.invite("someone-else@example.org", 1);
        assertEquals(Why.INVITE_EMAIL_MISMATCH,
                f.refusedWithoutTrace(() -> f.signIn(OCTOCAT, code), "auth.provider_sign_in").why());
    }

    @Test
    void approvalRegistrationLeavesTheNewAccountPendingUntilApproved() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.APPROVAL);
        AwaitingApproval waiting = assertInstanceOf(AwaitingApproval.class, f.signIn(OCTOCAT));
        assertTrue(waiting.newAccount());
        assertEquals(UserStatus.PENDING, f.user("octocat").status());
        assertEquals(0, f.sessionCount(), "no session while pending");

        AwaitingApproval again = assertInstanceOf(AwaitingApproval.class, f.signIn(OCTOCAT));
        assertFalse(again.newAccount(), "the same account, still waiting");
        assertEquals("pending", f.last("auth.provider_sign_in").details().get("reason"));
        assertEquals(1, f.core.users.count());

        f.registration.approveUser.approve(dev.gatehouse.core.model.accounts.Actor.operator(), Username.of("octocat"));
        assertFalse(f.signedIn(OCTOCAT).newAccount());
    }

    @Test
    void anInviteInApprovalModeIsItselfTheApproval() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.APPROVAL);
        assertInstanceOf(SignedIn.class, f.signIn(OCTOCAT, f.invite(null, 1)));
    }

    @Test
    void theAdministratorEmailMakesAnAdministratorOnlyWhenTheProviderVerifiedIt() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.APPROVAL);
        ExternalIdentity unverified = identity(KEYCLOAK, "kc-1", "owner", RegistrationFixture.ADMIN_EMAIL, false);
        assertInstanceOf(AwaitingApproval.class, f.signIn(unverified), "unverified: an ordinary, pending account");
        assertFalse(f.user("owner").isAdmin());

        f.with(ProviderSettings.none().with(GITHUB, ProviderRules.defaults().withTrustedForEmail(true)));
        ExternalIdentity verified = identity(GITHUB, "99", "the-owner", RegistrationFixture.ADMIN_EMAIL, true);
        SignedIn in = assertInstanceOf(SignedIn.class, f.signIn(verified));
        assertTrue(in.user().isAdmin());
        assertEquals("email", f.last("user.register").details().get("admin_by"));
    }

    @Test
    void theAdministratorEmailVerifiedByAProviderNotTrustedForEmailMakesNoAdministrator() {
        // Some providers call every address verified (or let people type their own): only the
        // operator's trust makes their word count, as for linking by email.
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        ExternalIdentity claimed = identity(KEYCLOAK, "kc-9", "mallory", RegistrationFixture.ADMIN_EMAIL, true);
        SignedIn in = assertInstanceOf(SignedIn.class, f.signIn(claimed));
        assertFalse(in.user().isAdmin());
        assertEquals("false", f.last("user.register").details().get("admin"));
    }

    @Test
    void aProviderThatMustGiveAVerifiedAddressIsRefusedWithoutOne() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN)
                .with(ProviderSettings.none().with(KEYCLOAK, ProviderRules.defaults().withVerifiedEmailRequired(true)));
        Refused refused = f.refusedWithoutTrace(
                () -> f.signIn(identity(KEYCLOAK, "kc-1", "alice", "alice@example.org", false)), "auth.provider_sign_in");
        assertEquals(Why.EMAIL_UNVERIFIED, refused.why());
        assertInstanceOf(SignedIn.class, f.signIn(identity(KEYCLOAK, "kc-1", "alice", "alice@example.org", true)));
    }

    @Test
    void aTakenNameGetsTheNextFreeSuffix() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        f.core.add("octocat", RegistrationFixture.PASSWORD, false);
        f.core.add("octocat-2", RegistrationFixture.PASSWORD, false);
        SignedIn in = f.signedIn(OCTOCAT);
        assertEquals(Username.of("octocat-3"), in.user().username());
        assertTrue(f.user("octocat").passwordHash().isPresent(), "the existing octocat is untouched");
    }

    @Test
    void aLoginThatMeansSomeoneElseHereGetsTheProvidersNameInFront() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        User user = f.signedIn(identity(GITHUB, "1", "admin", null, false)).user();
        assertEquals(Username.of("github-admin"), user.username());
        assertFalse(user.isAdmin(), "a provider's login 'admin' does not make an administrator");
    }
}
