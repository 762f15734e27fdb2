package dev.gatehouse.core.service.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.LastLogin;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.testing.CoreFixture;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInTest {

    private final CoreFixture core = new CoreFixture();

    @Test
    void theRightPasswordOpensASessionAndRecordsTheLastLogin() {
        core.add("alice", "plum-tulip-ferry-42", false);
        SignIn.SignedIn ok = core.signedIn("alice", "plum-tulip-ferry-42");
        assertEquals(Optional.of(new LastLogin(core.clock.instant(), "192.0.2.1")), ok.user().lastLogin());
        assertEquals(ok.user().lastLogin(), core.users.find(Username.of("alice")).orElseThrow().lastLogin());
        assertEquals(core.clock.instant().plus(core.sessionPolicy.absoluteLifetime()), ok.session().expiresAt());
    }

    @Test
    void anUnknownUserAndAWrongPasswordLookTheSameAndBothCostAHash() {
        core.add("alice", "plum-tulip-ferry-42", false);
        int before = core.hasher.verifications();
        SignIn.Result unknown = core.signIn("mallory", "plum-tulip-ferry-42");
        SignIn.Result wrong = core.signIn("alice", "wrong-password");
        assertEquals(unknown, wrong);
        assertInstanceOf(SignIn.Rejected.class, unknown);
        assertEquals(before + 2, core.hasher.verifications());
    }

    @Test
    void aLockedUserWithAWrongPasswordIsToldNothingMore() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
        core.lockUser.lock(Actor.operator(), Username.of("bob"), "On vacation until March");
        assertInstanceOf(SignIn.Rejected.class, core.signIn("bob", "wrong-password"));
    }

    @Test
    void aLockedUserWithTheRightPasswordIsToldTheReason() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
        core.lockUser.lock(Actor.operator(), Username.of("bob"), "On vacation until March");
        assertEquals(new SignIn.AccountLocked("On vacation until March"), core.signIn("bob", "plum-tulip-ferry-42"));
        assertTrue(core.sessions.listByUser(Username.of("bob")).isEmpty());
    }

    @Test
    void aPendingUserWithTheRightPasswordIsToldToWait() {
        core.users.insert(User.create(Username.of("pat"), core.hasher.hash(Password.of("plum-tulip-ferry-42")), Set.of(Role.USER),
                core.clock.instant()).withStatus(UserStatus.PENDING));
        assertInstanceOf(SignIn.AwaitingApproval.class, core.signIn("pat", "plum-tulip-ferry-42"));
    }

    @Test
    void aLegacyHashIsReplacedWithTheCurrentSchemeOnSignIn() {
        String legacy = core.hasher.legacyHash(Password.of("correct horse"));
        core.users.insert(User.create(Username.of("old"), legacy, Set.of(), core.clock.instant()));
        core.signedIn("old", "correct horse");
        String stored = core.users.find(Username.of("old")).orElseThrow().passwordHash().orElseThrow();
        assertTrue(stored.startsWith("test$"), stored);
        core.signedIn("old", "correct horse");
    }

    @Test
    void aMalformedStoredHashFailsClosed() {
        core.users.insert(User.create(Username.of("broken"), "not-a-hash", Set.of(), core.clock.instant()));
        assertInstanceOf(SignIn.Rejected.class, core.signIn("broken", "anything"));
    }

    @Test
    void anInvalidUsernameIsJustARejection() {
        assertInstanceOf(SignIn.Rejected.class, core.signIn("a/b\u0000", "plum-tulip-ferry-42"));
        assertInstanceOf(SignIn.Rejected.class, core.signIn("   ", "plum-tulip-ferry-42"));
    }

    @Test
    void theTokenIsNeverStoredOnlyItsDigest() {
        core.add("alice", "plum-tulip-ferry-42", false);
        SignIn.SignedIn ok = core.signedIn("alice", "plum-tulip-ferry-42");
        assertEquals(43, ok.token().length());
        Session stored = core.sessions.find(ok.session().id()).orElseThrow();
        assertFalse(stored.toString().contains(ok.token()));
        assertEquals(core.tokens.digest(ok.token()), stored.tokenDigest());
        assertTrue(core.auditLog.all().stream().noneMatch(e -> e.details().containsValue(ok.token())));
    }

    @Test
    void signInsAreAuditedWithOutcomeAndIp() {
        core.add("alice", "plum-tulip-ferry-42", false);
        core.signIn("alice", "nope-nope");
        core.signedIn("alice", "plum-tulip-ferry-42");
        List<AuditEvent> signIns = core.auditLog.all().stream().filter(e -> e.action().equals("auth.sign_in")).toList();
        assertEquals(List.of(AuditEvent.Outcome.FAILURE, AuditEvent.Outcome.SUCCESS),
                signIns.stream().map(AuditEvent::outcome).toList());
        assertTrue(signIns.stream().allMatch(e -> e.clientIp().equals("192.0.2.1")));
    }
}
