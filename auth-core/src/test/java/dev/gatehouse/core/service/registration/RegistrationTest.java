package dev.gatehouse.core.service.registration;

import static dev.gatehouse.core.testing.RegistrationFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.port.in.Register.Declined;
import dev.gatehouse.core.port.in.Register.Why;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.testing.RegistrationFixture;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    private static Why why(Register.Result result) {
        return assertInstanceOf(Declined.class, result).why();
    }

    @Test
    void closedRegistrationRefusesEveryoneEvenWithAnInvite() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.CLOSED);
        String code = f.code();
        Register.Result result = f.register("alice", null, code);
        assertEquals(Why.CLOSED, why(result));
        assertTrue(((Declined) result).message().contains("ask an administrator"));
        assertEquals(0, f.core.users.count());
    }

    @Test
    void openRegistrationMakesAnActiveUserWhoCanSignIn() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.OPEN);
        Register.Registered done = f.registered("alice", "Alice@Example.ORG", null);
        assertFalse(done.pending());
        assertEquals(UserStatus.ACTIVE, done.user().status());
        assertFalse(done.user().isAdmin());
        assertEquals(Optional.of("Alice@example.org"), f.core.users.find(Username.of("alice")).orElseThrow().email());
        assertInstanceOf(SignIn.SignedIn.class, f.core.signIn("alice", PASSWORD));
        AuditEvent event = f.core.auditLog.all().get(f.core.auditLog.all().size() - 2);
        assertEquals("user.register", event.action());
        assertEquals("open", event.details().get("mode"));
    }

    @Test
    void approvalModeLeavesTheUserPendingUntilAnAdministratorApproves() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.APPROVAL);
        Register.Registered done = f.registered("bob", null, null);
        assertTrue(done.pending());
        assertInstanceOf(SignIn.AwaitingApproval.class, f.core.signIn("bob", PASSWORD));
        assertInstanceOf(dev.gatehouse.core.port.in.ApproveUser.Approved.class,
                f.approveUser.approve(dev.gatehouse.core.model.accounts.Actor.operator(), Username.of("bob")));
        assertInstanceOf(SignIn.SignedIn.class, f.core.signIn("bob", PASSWORD));
        assertTrue(f.core.auditLog.all().stream().anyMatch(e -> e.action().equals("user.approve")));
    }

    @Test
    void anInviteInApprovalModeIsItselfTheApproval() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.APPROVAL);
        Register.Registered done = f.registered("carol", null, f.code());
        assertFalse(done.pending());
        assertInstanceOf(SignIn.SignedIn.class, f.core.signIn("carol", PASSWORD));
    }

    @Test
    void inviteModeNeedsAValidInvite() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        assertEquals(Why.INVITE_REQUIRED, why(f.register("dave", null, null)));
        assertEquals(Why.INVITE_INVALID, why(f.register("dave", null, "inv_not-a-code")));
        String forged = dev.gatehouse.core.service.registration.InviteCodes.newCode(dev.gatehouse.core.port.out.SecureRandomSource.system());
        assertEquals(Why.INVITE_INVALID, why(f.register("dave", null, forged)), "well-formed but never issued");
        Register.Registered done = f.registered("dave", null, f.code());
        assertFalse(done.pending());
        assertEquals(0, f.core.users.list().stream().filter(u -> !u.username().value().equals("dave")).count());
    }

    @Test
    void aUsedUpInviteIsRefusedAndTheUseIsListedWithWhoUsedIt() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        String code = f.code();
        f.registered("erin", null, code);
        assertEquals(Why.INVITE_USED_UP, why(f.register("frank", null, code)));
        var invite = f.invites.list().get(0);
        assertEquals(Username.of("erin"), invite.uses().get(0).username());
        assertTrue(f.core.auditLog.all().stream().anyMatch(e -> e.action().equals("invite.use")
                && e.details().get("invite").equals(invite.id().value())));
        assertFalse(f.core.auditLog.all().toString().contains(code), "the code is never logged");
    }

    @Test
    void anInviteForSeveralPeopleTakesThatMany() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        String code = f.invite(null, 2, Duration.ofDays(1)).code();
        f.registered("gina", null, code);
        f.registered("hank", null, code);
        assertEquals(Why.INVITE_USED_UP, why(f.register("ivy", null, code)));
    }

    @Test
    void anExpiredInviteIsRefused() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        String code = f.invite(null, 1, Duration.ofHours(1)).code();
        f.core.clock.advance(Duration.ofHours(1));
        assertEquals(Why.INVITE_EXPIRED, why(f.register("jack", null, code)));
    }

    @Test
    void aRevokedInviteIsRefusedAndAUsedUpOneCannotBeRevoked() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        var revoked = f.invite(null, 1, Duration.ofDays(1));
        f.revokeInvite.revoke(dev.gatehouse.core.model.accounts.Actor.operator(), revoked.invite().id());
        assertEquals(Why.INVITE_REVOKED, why(f.register("kim", null, revoked.code())));
        var used = f.invite(null, 1, Duration.ofDays(1));
        f.registered("kim", null, used.code());
        assertInstanceOf(dev.gatehouse.core.port.in.Refused.class,
                f.revokeInvite.revoke(dev.gatehouse.core.model.accounts.Actor.operator(), used.invite().id()));
    }

    @Test
    void anInviteBoundToAnEmailNeedsThatAddressInAnyCase() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        String code = f.invite("lee@example.org", 1, Duration.ofDays(1)).code();
        assertEquals(Why.EMAIL_REQUIRED, why(f.register("lee", null, code)));
        assertEquals(Why.EMAIL_MISMATCH, why(f.register("lee", "other@example.org", code)));
        Register.Registered done = f.registered("lee", "LEE@Example.org", code);
        assertEquals(Optional.of("LEE@example.org"), done.user().email());
    }

    @Test
    void theAdministratorEmailMakesAnAdminOnlyWhenAnInviteBoundToItVerifiesIt() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.OPEN);
        Register.Registered unverified = f.registered("mallory", RegistrationFixture.ADMIN_EMAIL, null);
        assertFalse(unverified.user().isAdmin(), "a typed address proves nothing");
        Register.Registered viaUnboundInvite = f.registered("mallory2", RegistrationFixture.ADMIN_EMAIL, f.code());
        assertFalse(viaUnboundInvite.user().isAdmin(), "an invite not bound to the address proves nothing about it");
        String bound = f.invite(RegistrationFixture.ADMIN_EMAIL, 1, Duration.ofDays(1)).code();
        Register.Registered owner = f.registered("owner", "Owner@Example.org", bound);
        assertTrue(owner.user().isAdmin());
    }

    @Test
    void aProviderVerifiedAdministratorEmailMakesAnAdminWhoSkipsApproval() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.APPROVAL);
        Register.Result result = f.register.register(new Register.Command("owner", Password.of(PASSWORD),
                Optional.of(RegistrationFixture.ADMIN_EMAIL), Optional.empty(), true, "192.0.2.9"));
        Register.Registered done = assertInstanceOf(Register.Registered.class, result);
        assertTrue(done.user().isAdmin());
        assertFalse(done.pending());
        Register.Result typed = f.register("other", RegistrationFixture.ADMIN_EMAIL, null);
        assertTrue(((Register.Registered) typed).pending());
        assertFalse(((Register.Registered) typed).user().isAdmin());
    }

    @Test
    void aTakenNameAWeakPasswordOrABadEmailIsDeclinedWithoutTouchingTheInvite() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.INVITE);
        f.core.add("taken", "amber-kettle-river-9", false);
        String code = f.code();
        assertEquals(Why.USERNAME_TAKEN, why(f.register("taken", null, code)));
        assertEquals(Why.INVALID, why(f.register("ok", "not an address", code)));
        assertEquals(Why.INVALID, why(f.register(" ", null, code)));
        assertEquals(Why.WEAK_PASSWORD, why(f.register.register(new Register.Command("ok", Password.of("short"),
                Optional.empty(), Optional.of(code), "192.0.2.9"))));
        assertEquals(0, f.invites.list().get(0).uses().size());
        f.registered("ok", null, code);
    }

    @Test
    void registrationAttemptsFromOneAddressAreThrottled() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.OPEN, RegistrationRules.throttle(f0Clock()));
        for (int i = 0; i < 10; i++) {
            f.register("taken" + i, null, null);
        }
        assertInstanceOf(Register.Throttled.class, f.register("one-more", null, null));
    }

    private static java.time.Clock f0Clock() {
        return java.time.Clock.systemUTC();
    }

    @Test
    void rejectingDeletesOnlyPendingAccounts() {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.APPROVAL);
        f.registered("pat", null, null);
        f.core.add("active", "amber-kettle-river-9", false);
        var operator = dev.gatehouse.core.model.accounts.Actor.operator();
        assertInstanceOf(dev.gatehouse.core.port.in.Refused.class, f.rejectUser.reject(operator, Username.of("active")));
        assertInstanceOf(dev.gatehouse.core.port.in.Refused.class, f.approveUser.approve(operator, Username.of("active")));
        assertInstanceOf(dev.gatehouse.core.port.in.RejectUser.Rejected.class, f.rejectUser.reject(operator, Username.of("pat")));
        assertTrue(f.core.users.find(Username.of("pat")).isEmpty());
        assertTrue(f.core.users.find(Username.of("active")).isPresent());
        assertTrue(f.core.auditLog.all().stream().anyMatch(e -> e.action().equals("user.reject")));
        var user = f.core.actorFor("active");
        assertInstanceOf(dev.gatehouse.core.port.in.Refused.class, f.rejectUser.reject(user, Username.of("x")));
    }

    @Test
    void anApprovalAndARejectionAtOnceNeverBothSucceed() throws Exception {
        RegistrationFixture f = new RegistrationFixture(RegistrationMode.APPROVAL);
        var operator = dev.gatehouse.core.model.accounts.Actor.operator();
        for (int round = 0; round < 20; round++) {
            Username name = Username.of("pat" + round);
            f.registered(name.value(), null, null);
            var results = dev.gatehouse.core.contract.Concurrently.run(2, i -> i == 0
                    ? (Object) f.approveUser.approve(operator, name) : f.rejectUser.reject(operator, name));
            boolean approved = results.get(0) instanceof dev.gatehouse.core.port.in.ApproveUser.Approved;
            boolean rejected = results.get(1) instanceof dev.gatehouse.core.port.in.RejectUser.Rejected;
            assertTrue(approved != rejected, "round " + round + ": approved " + approved + ", rejected " + rejected);
            assertTrue(f.core.users.find(name).isPresent() == approved, "round " + round);
        }
    }
}
