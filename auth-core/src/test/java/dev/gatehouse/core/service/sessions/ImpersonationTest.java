package dev.gatehouse.core.service.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.model.apikeys.Principal;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.Impersonate;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.in.ValidateSession.SignedInUser;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.testing.CoreFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An administrator acts as a user for a short while, visibly, without their secrets, and both are audited. */
class ImpersonationTest {

    private static final String ADMIN_PASSWORD = "plum-tulip-ferry-42";
    private static final String USER_PASSWORD = "amber-kettle-river-9";

    private final CoreFixture core = new CoreFixture();
    private SignedInUser bob;

    @BeforeEach
    void adminBobAndUserAlice() {
        core.add("bob", ADMIN_PASSWORD, true);
        core.add("alice", USER_PASSWORD, false);
        core.add("carol", USER_PASSWORD, true);
        var signedIn = core.signedIn("bob", ADMIN_PASSWORD);
        bob = new SignedInUser(signedIn.user(), signedIn.session());
    }

    private Impersonate.Result start(SignedInUser who, String target) {
        Actor actor = Principal.ofSession(who.user(), who.session()).actor("192.0.2.7");
        return core.impersonate.start(new Impersonate.Command(actor, Optional.of(who.session()), Username.of(target), "test"));
    }

    private Impersonate.Started started() {
        return assertInstanceOf(Impersonate.Started.class, start(bob, "alice"));
    }

    private Actor actingAs(Impersonate.Started started) {
        SignedInUser alice = core.validateSession.validate(started.token()).orElseThrow();
        return Principal.ofSession(alice.user(), alice.session()).actor("192.0.2.7");
    }

    @Test
    void anAdministratorGetsARealShortSessionOfTheUserThatNamesThem() {
        Impersonate.Started started = started();

        Session session = started.session();
        assertEquals(Username.of("alice"), session.username());
        assertEquals(Optional.of(Username.of("bob")), session.impersonator());
        assertEquals(session.createdAt().plus(Duration.ofMinutes(30)), session.expiresAt());
        SignedInUser alice = core.validateSession.validate(started.token()).orElseThrow();
        assertEquals(Optional.of(Username.of("bob")), Principal.ofSession(alice.user(), alice.session()).impersonator());
        assertTrue(core.sessions.find(bob.session().id()).isPresent(), "the administrator's own session stays");
        AuditEvent event = last("impersonation.start");
        assertEquals("bob", event.actor());
        assertEquals(Optional.of(Username.of("alice")), event.target());
        assertEquals("192.0.2.7", event.clientIp());
    }

    @Test
    void administratorsAreNotImpersonatedNorIsOneself() {
        assertEquals(Reason.TARGET_IS_ADMIN, refused(start(bob, "carol")).reason());
        assertEquals(Reason.SELF, refused(start(bob, "bob")).reason());
        assertEquals(Reason.NOT_FOUND, refused(start(bob, "nobody")).reason());
        assertEquals(AuditEvent.Outcome.REFUSED, last("impersonation.start").outcome());
    }

    @Test
    void lockedAndPendingUsersAreNotImpersonated() {
        core.lockUser.lock(Actor.operator(), Username.of("alice"), "away");
        assertEquals(Reason.INVALID, refused(start(bob, "alice")).reason());
    }

    @Test
    void onlyAdministratorsWithTheirOwnSessionMayStart() {
        var alice = core.signedIn("alice", USER_PASSWORD);
        assertEquals(Reason.NOT_ALLOWED, refused(start(new SignedInUser(alice.user(), alice.session()), "bob")).reason());

        Actor withKey = new Actor(Optional.of(Username.of("bob")), true, "192.0.2.7", "api");
        assertEquals(Reason.NOT_ALLOWED, refused(core.impersonate.start(new Impersonate.Command(withKey, Optional.empty(),
                Username.of("alice"), "curl"))).reason());
    }

    @Test
    void anAdministratorAlreadyImpersonatingCannotStartAgain() {
        Impersonate.Started started = started();
        SignedInUser asAlice = core.validateSession.validate(started.token()).orElseThrow();
        Actor actor = Principal.ofSession(asAlice.user(), asAlice.session()).actor("192.0.2.7");
        // Even were the user an administrator, a session that is an impersonation cannot start another.
        Actor adminLooking = new Actor(actor.username(), true, actor.clientIp(), "web", actor.impersonator());
        assertEquals(Reason.NOT_ALLOWED, refused(core.impersonate.start(new Impersonate.Command(adminLooking,
                Optional.of(asAlice.session()), Username.of("carol"), "test"))).reason());
    }

    @Test
    void theImpersonatedUsersPasswordKeysAndSessionsAreOutOfReach() {
        MintApiKey.Minted existing = core.mint("alice", Set.of());
        Actor actor = actingAs(started());

        assertEquals(Reason.NOT_ALLOWED, refused(core.changePassword.change(new ChangePassword.Command(actor,
                Username.of("alice"), Optional.of(Password.of(USER_PASSWORD)), Password.of("ochre-lantern-meadow-7"),
                Optional.empty()))).reason());
        assertEquals(Reason.NOT_ALLOWED, refused(core.mintApiKey.mint(new MintApiKey.Command(actor, Optional.empty(),
                Optional.empty(), Optional.empty(), Set.of()))).reason());
        ApiKeyId id = existing.key().id();
        assertEquals(Reason.NOT_ALLOWED, refused(core.renameApiKey.rename(actor, id, "mine now")).reason());
        assertEquals(Reason.NOT_ALLOWED, refused(core.revokeApiKeys.revoke(actor, id)).reason());
        assertEquals(Reason.NOT_ALLOWED, refused(core.revokeApiKeys.revokeAll(actor, Optional.empty())).reason());
        assertEquals(Reason.NOT_ALLOWED, refused(core.manageSessions.endAll(actor, Username.of("alice"))).reason());
        assertInstanceOf(dev.gatehouse.core.port.in.ManageSessions.Sessions.class,
                core.manageSessions.list(actor, Username.of("alice")));
        AuditEvent refusedChange = last("user.password_change");
        assertEquals("alice", refusedChange.actor());
        assertEquals(Optional.of("bob"), refusedChange.impersonator());
    }

    @Test
    void eventsWhileImpersonatingNameTheUserAndTheAdministratorAndBobsFilterFindsThem() {
        Actor actor = actingAs(started());
        core.changeAvatar.remove(actor, Username.of("alice"));
        core.revokeApiKeys.revokeAll(actor, Optional.empty());

        List<AuditEvent> bobs = core.auditLog.query(new AuditLog.Query(Optional.of(Username.of("bob")),
                Optional.empty(), Optional.of("api_key."), Optional.empty(), 10));
        assertEquals(1, bobs.size());
        assertEquals("alice", bobs.get(0).actor());
        assertEquals(Optional.of("bob"), bobs.get(0).impersonator());
    }

    @Test
    void stoppingEndsOnlyTheImpersonationAndIsAudited() {
        Impersonate.Started started = started();

        Impersonate.Stopped stopped = assertInstanceOf(Impersonate.Stopped.class,
                core.impersonate.stop(started.token(), "192.0.2.7"));
        assertEquals(Username.of("bob"), stopped.administrator());
        assertTrue(core.validateSession.validate(started.token()).isEmpty());
        assertTrue(core.sessions.find(bob.session().id()).isPresent());
        AuditEvent event = last("impersonation.stop");
        assertEquals("bob", event.actor());
        assertEquals("stopped", event.details().get("reason"));
        assertInstanceOf(Impersonate.NotImpersonating.class, core.impersonate.stop(started.token(), "192.0.2.7"));
    }

    @Test
    void signingOutOfAnImpersonationEndsItAndIsRecordedAsItsEnd() {
        Impersonate.Started started = started();

        assertTrue(core.signOut.signOut(started.token(), "192.0.2.7"));
        assertTrue(core.validateSession.validate(started.token()).isEmpty());
        assertTrue(core.sessions.find(bob.session().id()).isPresent(), "bob's own session stays");
        AuditEvent event = last("impersonation.stop");
        assertEquals("bob", event.actor());
        assertEquals(Optional.of(Username.of("alice")), event.target());
        assertEquals("signed_out", event.details().get("reason"));
        assertTrue(core.auditLog.all().stream().noneMatch(e -> e.action().equals("auth.sign_out")));
    }

    @Test
    void anOrdinarySessionIsNotStoppedAsAnImpersonation() {
        var alice = core.signedIn("alice", USER_PASSWORD);
        assertInstanceOf(Impersonate.NotImpersonating.class, core.impersonate.stop(alice.token(), "192.0.2.7"));
        assertTrue(core.validateSession.validate(alice.token()).isPresent());
    }

    @Test
    void theImpersonationEndsAfterItsTimeLimitDespiteActivityAndTheEndIsAudited() {
        Impersonate.Started started = started();
        for (int minute = 5; minute < 30; minute += 5) {
            core.clock.advance(Duration.ofMinutes(5));
            assertTrue(core.validateSession.validate(started.token()).isPresent());
        }
        core.clock.advance(Duration.ofMinutes(5));

        assertTrue(core.validateSession.validate(started.token()).isEmpty());
        assertEquals("expired", last("impersonation.stop").details().get("reason"));
    }

    @Test
    void lockingTheUserOrRemovingTheAdministratorEndsIt() {
        Impersonate.Started first = started();
        core.lockUser.lock(Actor.operator(), Username.of("alice"), "away");
        assertTrue(core.validateSession.validate(first.token()).isEmpty());

        core.unlockUser.unlock(Actor.operator(), Username.of("alice"));
        Impersonate.Started second = started();
        core.removeUser.remove(Actor.operator(), Username.of("bob"));
        assertTrue(core.validateSession.validate(second.token()).isEmpty());
        assertFalse(core.sessions.find(second.session().id()).isPresent());
    }

    private static Refused refused(Object result) {
        return assertInstanceOf(Refused.class, result);
    }

    private AuditEvent last(String action) {
        return core.auditLog.query(new AuditLog.Query(Optional.empty(), Optional.empty(), Optional.of(action),
                Optional.empty(), 1)).get(0);
    }
}
