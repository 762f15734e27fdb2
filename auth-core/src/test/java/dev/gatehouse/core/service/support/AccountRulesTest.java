package dev.gatehouse.core.service.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.testing.CoreFixture;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules about who may do what, seen from the people they protect. */
class AccountRulesTest {

    private final CoreFixture core = new CoreFixture();
    private static final Username ALICE = Username.of("alice");
    private static final Username BOB = Username.of("bob");

    @BeforeEach
    void users() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
    }

    @Test
    void aUserCannotLockUnlockOrRemoveAnyoneAndLearnsNothingAboutWhoExists() {
        Actor alice = core.actorFor("alice");
        Refused forBob = assertInstanceOf(Refused.class, core.lockUser.lock(alice, BOB, ""));
        Refused forGhost = assertInstanceOf(Refused.class, core.lockUser.lock(alice, Username.of("ghost"), ""));
        assertEquals(forBob, forGhost);
        assertEquals(Refused.Reason.NOT_ALLOWED, forBob.reason());
        assertEquals(Refused.Reason.NOT_ALLOWED, assertInstanceOf(Refused.class, core.unlockUser.unlock(alice, BOB)).reason());
        assertEquals(Refused.Reason.NOT_ALLOWED, assertInstanceOf(Refused.class, core.removeUser.remove(alice, BOB)).reason());
        assertTrue(core.users.find(BOB).orElseThrow().status().isActive());
    }

    @Test
    void aRefusedLockLeavesTheTargetsSessionsAlone() {
        String token = core.signedIn("admin", "plum-tulip-ferry-42").token();
        core.lockUser.lock(Actor.operator(), Username.ADMIN, "");
        assertTrue(core.validateSession.validate(token).isPresent());
    }

    @Test
    void anAdministratorChangingTheirOwnPasswordMustGiveTheCurrentOne() {
        ChangePassword.Result result = core.changePassword.change(new ChangePassword.Command(core.actorFor("admin"),
                Username.ADMIN, Optional.empty(), Password.of("brand-new-passphrase"), Optional.empty()));
        assertEquals(Refused.Reason.WRONG_PASSWORD, assertInstanceOf(Refused.class, result).reason());
    }

    @Test
    void anAdministratorResettingSomeonesPasswordEndsEveryOneOfTheirSessions() {
        SignIn.SignedIn alices = core.signedIn("alice", "plum-tulip-ferry-42");
        ChangePassword.Changed changed = assertInstanceOf(ChangePassword.Changed.class, core.changePassword.change(
                new ChangePassword.Command(core.actorFor("admin"), ALICE, Optional.empty(), Password.of("reset-by-the-admin-now"),
                        Optional.of(alices.session().id()))));
        assertEquals(1, changed.sessionsEnded());
        assertEquals(Optional.empty(), core.validateSession.validate(alices.token()));
    }

    @Test
    void aPendingUserWithAWrongPasswordIsJustRejected() {
        core.users.update(BOB, u -> u.withStatus(UserStatus.PENDING));
        assertInstanceOf(SignIn.Rejected.class, core.signIn("bob", "wrong-password"));
    }

    @Test
    void aSessionOfALockedUserIsRefusedEvenIfTheLockMissedIt() {
        String token = core.signedIn("bob", "plum-tulip-ferry-42").token();
        core.users.update(BOB, u -> u.withStatus(UserStatus.locked("x", core.clock.instant())));
        assertEquals(Optional.empty(), core.validateSession.validate(token));
    }

    @Test
    void aSessionDoesNotCarryOverToANewAccountOfTheSameName() {
        String token = core.signedIn("bob", "plum-tulip-ferry-42").token();
        core.users.delete(BOB); // as if the process died before the sessions were ended
        core.clock.advance(java.time.Duration.ofSeconds(1));
        core.add("bob", "another-password", false);
        assertEquals(Optional.empty(), core.validateSession.validate(token));
    }

    @Test
    void aFailedSignInForAnUnknownNameDoesNotRecordWhatWasTyped() {
        core.signIn("correct-horse-battery-staple", "x");
        AuditEvent event = core.auditLog.all().get(core.auditLog.all().size() - 1);
        assertEquals(Optional.empty(), event.target());
        assertTrue(event.details().values().stream().noneMatch(v -> v.contains("correct-horse")), event.toString());
    }
}
