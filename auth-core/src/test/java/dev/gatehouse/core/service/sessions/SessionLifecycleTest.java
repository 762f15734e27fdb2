package dev.gatehouse.core.service.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.ManageSessions;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.testing.CoreFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {

    private final CoreFixture core = new CoreFixture();
    private static final Username ALICE = Username.of("alice");

    @BeforeEach
    void users() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
    }

    @Test
    void aValidTokenResolvesToItsUser() {
        String token = core.signedIn("alice", "plum-tulip-ferry-42").token();
        assertEquals(ALICE, core.validateSession.validate(token).orElseThrow().user().username());
    }

    @Test
    void garbageAndUnknownTokensResolveToNobody() {
        assertEquals(Optional.empty(), core.validateSession.validate("nonsense"));
        assertEquals(Optional.empty(), core.validateSession.validate(null));
        assertEquals(Optional.empty(), core.validateSession.validate(core.tokens.newToken()));
    }

    @Test
    void aSessionEndsAfterThirtyDaysEvenWhenUsedDaily() {
        String token = core.signedIn("alice", "plum-tulip-ferry-42").token();
        for (int day = 0; day < 29; day++) {
            core.clock.advance(Duration.ofDays(1));
            assertTrue(core.validateSession.validate(token).isPresent(), "day " + day);
        }
        core.clock.advance(Duration.ofDays(1));
        assertEquals(Optional.empty(), core.validateSession.validate(token));
    }

    @Test
    void anIdleSessionEnds() {
        String token = core.signedIn("alice", "plum-tulip-ferry-42").token();
        core.clock.advance(core.sessionPolicy.idleTimeout().minusSeconds(1));
        assertTrue(core.validateSession.validate(token).isPresent());
        core.clock.advance(core.sessionPolicy.idleTimeout().minusSeconds(1));
        assertTrue(core.validateSession.validate(token).isPresent(), "activity restarts the idle clock");
        core.clock.advance(core.sessionPolicy.idleTimeout());
        assertEquals(Optional.empty(), core.validateSession.validate(token));
    }

    @Test
    void signingOutEndsOnlyThatSession() {
        String first = core.signedIn("alice", "plum-tulip-ferry-42").token();
        String second = core.signedIn("alice", "plum-tulip-ferry-42").token();
        assertTrue(core.signOut.signOut(first, "192.0.2.1"));
        assertFalse(core.signOut.signOut(first, "192.0.2.1"));
        assertEquals(Optional.empty(), core.validateSession.validate(first));
        assertTrue(core.validateSession.validate(second).isPresent());
    }

    @Test
    void aUserListsAndEndsTheirSessionsOneByOneOrAllAtOnce() {
        SignIn.SignedIn one = core.signedIn("alice", "plum-tulip-ferry-42");
        core.clock.advance(Duration.ofSeconds(5));
        SignIn.SignedIn two = core.signedIn("alice", "plum-tulip-ferry-42");
        core.signedIn("alice", "plum-tulip-ferry-42");
        Actor alice = core.actorFor("alice");
        List<Session> listed = assertInstanceOf(ManageSessions.Sessions.class, core.manageSessions.list(alice, ALICE)).sessions();
        assertEquals(3, listed.size());
        assertEquals(new ManageSessions.Ended(1), core.manageSessions.end(alice, ALICE, one.session().id()));
        assertEquals(Optional.empty(), core.validateSession.validate(one.token()));
        assertTrue(core.validateSession.validate(two.token()).isPresent());
        assertEquals(new ManageSessions.Ended(2), core.manageSessions.endAll(alice, ALICE));
        assertEquals(Optional.empty(), core.validateSession.validate(two.token()));
    }

    @Test
    void endingMyOtherSessionsKeepsTheOneIAmUsing() {
        SignIn.SignedIn here = core.signedIn("alice", "plum-tulip-ferry-42");
        SignIn.SignedIn elsewhere = core.signedIn("alice", "plum-tulip-ferry-42");
        SignIn.SignedIn admins = core.signedIn("admin", "plum-tulip-ferry-42");
        assertEquals(new ManageSessions.Ended(1),
                core.manageSessions.endOthers(core.actorFor("alice"), ALICE, here.session().id()));
        assertTrue(core.validateSession.validate(here.token()).isPresent());
        assertEquals(Optional.empty(), core.validateSession.validate(elsewhere.token()));
        assertTrue(core.validateSession.validate(admins.token()).isPresent());
        assertInstanceOf(Refused.class,
                core.manageSessions.endOthers(core.actorFor("alice"), Username.ADMIN, here.session().id()));
        assertTrue(core.validateSession.validate(admins.token()).isPresent());
    }

    @Test
    void aUserCannotSeeOrEndSomeoneElsesSessions() {
        SignIn.SignedIn admins = core.signedIn("admin", "plum-tulip-ferry-42");
        Actor alice = core.actorFor("alice");
        assertInstanceOf(Refused.class, core.manageSessions.list(alice, Username.ADMIN));
        assertInstanceOf(Refused.class, core.manageSessions.end(alice, Username.ADMIN, admins.session().id()));
        assertInstanceOf(Refused.class, core.manageSessions.end(alice, ALICE, admins.session().id()));
        assertTrue(core.validateSession.validate(admins.token()).isPresent());
    }

    @Test
    void changingYourPasswordNeedsTheCurrentOneAndEndsYourOtherSessions() {
        SignIn.SignedIn here = core.signedIn("alice", "plum-tulip-ferry-42");
        SignIn.SignedIn elsewhere = core.signedIn("alice", "plum-tulip-ferry-42");
        Actor alice = core.actorFor("alice");
        assertEquals(Refused.Reason.WRONG_PASSWORD, assertInstanceOf(Refused.class, core.changePassword.change(
                new ChangePassword.Command(alice, ALICE, Optional.of(Password.of("wrong")), Password.of("new-amber-kettle-river"),
                        Optional.of(here.session().id())))).reason());
        ChangePassword.Changed changed = assertInstanceOf(ChangePassword.Changed.class, core.changePassword.change(
                new ChangePassword.Command(alice, ALICE, Optional.of(Password.of("plum-tulip-ferry-42")), Password.of("new-amber-kettle-river"),
                        Optional.of(here.session().id()))));
        assertEquals(1, changed.sessionsEnded());
        assertTrue(core.validateSession.validate(here.token()).isPresent());
        assertEquals(Optional.empty(), core.validateSession.validate(elsewhere.token()));
        core.signedIn("alice", "new-amber-kettle-river");
    }

    @Test
    void anAdministratorSetsAPasswordWithoutTheCurrentOneAndEndsAllSessions() {
        String token = core.signedIn("alice", "plum-tulip-ferry-42").token();
        ChangePassword.Changed changed = assertInstanceOf(ChangePassword.Changed.class, core.changePassword.change(
                new ChangePassword.Command(Actor.operator(), ALICE, Optional.empty(), Password.of("reset-password-by-operator"),
                        Optional.empty())));
        assertEquals(1, changed.sessionsEnded());
        assertEquals(Optional.empty(), core.validateSession.validate(token));
    }

    @Test
    void expiredSessionsArePurged() {
        core.signedIn("alice", "plum-tulip-ferry-42");
        core.clock.advance(Duration.ofDays(3));
        core.signedIn("alice", "plum-tulip-ferry-42");
        core.clock.advance(Duration.ofDays(5));
        assertEquals(1, core.manageSessions.purgeExpired());
        assertEquals(1, core.sessions.listByUser(ALICE).size());
    }
}
