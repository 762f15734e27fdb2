package dev.gatehouse.core.service.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.LockUser;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RemoveUser;
import dev.gatehouse.core.port.in.UnlockUser;
import dev.gatehouse.core.testing.CoreFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserAdministrationTest {

    private final CoreFixture core = new CoreFixture();
    private static final Username ALICE = Username.of("alice");

    @Test
    void theFirstUserCreatedIsAnAdministrator() {
        assertTrue(core.add("zoe", "plum-tulip-ferry-42", false).isAdmin());
        assertFalse(core.add("yann", "plum-tulip-ferry-42", false).isAdmin());
    }

    @Test
    void theNameAdminIsAlwaysAnAdministrator() {
        core.add("zoe", "plum-tulip-ferry-42", false);
        assertTrue(core.add("admin", "plum-tulip-ferry-42", false).isAdmin());
    }

    @Test
    void reAddingAUserReplacesTheirPasswordKeepsTheRestAndEndsTheirSessions() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "old-amber-kettle-river", false);
        core.signedIn("alice", "old-amber-kettle-river");
        AddUser.Result result = core.addUser.add(new AddUser.Command(Actor.operator(), ALICE,
                Password.of("new-amber-kettle-river"), false));
        AddUser.PasswordReplaced replaced = assertInstanceOf(AddUser.PasswordReplaced.class, result);
        assertEquals(1, replaced.sessionsEnded());
        assertFalse(replaced.user().isAdmin());
        assertInstanceOf(dev.gatehouse.core.port.in.SignIn.Rejected.class, core.signIn("alice", "old-amber-kettle-river"));
        core.signedIn("alice", "new-amber-kettle-river");
    }

    @Test
    void addingATakenNameCanBeRefusedInsteadOfReplacingThePassword() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "old-amber-kettle-river", false);
        String token = core.signedIn("alice", "old-amber-kettle-river").token();
        AddUser.Result result = core.addUser.add(new AddUser.Command(core.actorFor("admin"), ALICE,
                Password.of("new-amber-kettle-river"), true, AddUser.IfExists.REFUSE));
        Refused refused = assertInstanceOf(Refused.class, result);
        assertEquals(Refused.Reason.EXISTS, refused.reason());
        assertTrue(refused.message().contains("'alice' exists already"), refused.message());
        core.signedIn("alice", "old-amber-kettle-river");
        assertTrue(core.validateSession.validate(token).isPresent());
        assertFalse(core.users.find(ALICE).orElseThrow().isAdmin());
    }

    @Test
    void aTooShortPasswordIsRefusedWithItsLength() {
        AddUser.Result result = core.addUser.add(new AddUser.Command(Actor.operator(), ALICE, Password.of("short"), false));
        Refused refused = assertInstanceOf(Refused.class, result);
        assertEquals(Refused.Reason.WEAK_PASSWORD, refused.reason());
        assertTrue(refused.message().contains("5 characters"), refused.message());
        assertEquals(0, core.users.count());
    }

    @Test
    void onlyAdministratorsAddUsers() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        AddUser.Result result = core.addUser.add(new AddUser.Command(core.actorFor("alice"), Username.of("eve"),
                Password.of("plum-tulip-ferry-42"), true));
        assertEquals(Refused.Reason.NOT_ALLOWED, assertInstanceOf(Refused.class, result).reason());
    }

    @Test
    void lockingAUserEndsAllTheirSessions() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        String token = core.signedIn("alice", "plum-tulip-ferry-42").token();
        core.signedIn("alice", "plum-tulip-ferry-42");
        LockUser.Locked locked = assertInstanceOf(LockUser.Locked.class,
                core.lockUser.lock(core.actorFor("admin"), ALICE, "On vacation until March"));
        assertEquals(2, locked.sessionsEnded());
        assertEquals(new UserStatus.Locked("On vacation until March", Optional.of(core.clock.instant())),
                locked.user().status());
        assertEquals(Optional.empty(), core.validateSession.validate(token));
    }

    @Test
    void aLockWithoutReasonSaysAccountSuspended() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        LockUser.Locked locked = assertInstanceOf(LockUser.Locked.class, core.lockUser.lock(Actor.operator(), ALICE, " "));
        assertEquals("Account suspended", ((UserStatus.Locked) locked.user().status()).reason());
    }

    @Test
    void anAdministratorCannotBeLocked() {
        core.add("admin", "plum-tulip-ferry-42", false);
        Refused refused = assertInstanceOf(Refused.class, core.lockUser.lock(Actor.operator(), Username.ADMIN, ""));
        assertEquals(Refused.Reason.TARGET_IS_ADMIN, refused.reason());
        assertTrue(core.users.find(Username.ADMIN).orElseThrow().status().isActive());
    }

    @Test
    void nobodyCanLockOrDeleteThemselves() {
        core.add("admin", "plum-tulip-ferry-42", false);
        Actor admin = core.actorFor("admin");
        assertEquals(Refused.Reason.SELF,
                assertInstanceOf(Refused.class, core.lockUser.lock(admin, Username.ADMIN, "")).reason());
        assertEquals(Refused.Reason.SELF,
                assertInstanceOf(Refused.class, core.removeUser.remove(admin, Username.ADMIN)).reason());
        assertTrue(core.users.find(Username.ADMIN).isPresent());
    }

    @Test
    void unlockingRestoresSignIn() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        core.lockUser.lock(Actor.operator(), ALICE, "x");
        UnlockUser.Unlocked unlocked = assertInstanceOf(UnlockUser.Unlocked.class, core.unlockUser.unlock(Actor.operator(), ALICE));
        assertTrue(unlocked.wasLocked());
        core.signedIn("alice", "plum-tulip-ferry-42");
    }

    @Test
    void deletingAUserEndsTheirSessions() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        String token = core.signedIn("alice", "plum-tulip-ferry-42").token();
        RemoveUser.Removed removed = assertInstanceOf(RemoveUser.Removed.class, core.removeUser.remove(Actor.operator(), ALICE));
        assertEquals(1, removed.sessionsEnded());
        assertEquals(Optional.empty(), core.validateSession.validate(token));
        assertEquals(Optional.empty(), core.users.find(ALICE));
    }

    @Test
    void removingAnUnknownUserIsRefusedAsNotFound() {
        Refused refused = assertInstanceOf(Refused.class, core.removeUser.remove(Actor.operator(), Username.of("ghost")));
        assertEquals(Refused.Reason.NOT_FOUND, refused.reason());
        assertEquals("There is no user 'ghost'.", refused.message());
    }

    @Test
    void onlyAdministratorsListUsers() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        assertInstanceOf(Refused.class, core.listUsers.list(core.actorFor("alice")));
        ListUsers.Listed listed = assertInstanceOf(ListUsers.Listed.class, core.listUsers.list(core.actorFor("admin")));
        assertEquals(List.of("admin", "alice"), listed.users().stream().map(u -> u.username().value()).toList());
    }

    @Test
    void usersComeInPagesInNameOrderWithTheNameToContinueFromAndTheTotal() {
        for (String name : List.of("admin", "dora", "bob", "carl", "alice")) {
            core.add(name, "plum-tulip-ferry-42", false);
        }
        Actor admin = core.actorFor("admin");
        ListUsers.Page first = assertInstanceOf(ListUsers.Page.class, core.listUsers.page(admin, Optional.empty(), 2));
        assertEquals(List.of("admin", "alice"), first.users().stream().map(u -> u.username().value()).toList());
        assertEquals(Optional.of(ALICE), first.next());
        assertEquals(5, first.total());
        ListUsers.Page last = assertInstanceOf(ListUsers.Page.class,
                core.listUsers.page(admin, Optional.of(Username.of("bob")), 2));
        assertEquals(List.of("carl", "dora"), last.users().stream().map(u -> u.username().value()).toList());
        assertEquals(Optional.empty(), last.next());
    }

    @Test
    void onlyAdministratorsPageThroughUsersAndOnlyInPagesOfOneToAThousand() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        assertEquals(Refused.Reason.NOT_ALLOWED, assertInstanceOf(Refused.class,
                core.listUsers.page(core.actorFor("alice"), Optional.empty(), 10)).reason());
        for (int limit : new int[] {0, ListUsers.MAX_PAGE + 1}) {
            Refused refused = assertInstanceOf(Refused.class, core.listUsers.page(core.actorFor("admin"), Optional.empty(), limit));
            assertEquals(Refused.Reason.INVALID, refused.reason());
            assertTrue(refused.message().contains(limit + " is out of range"), refused.message());
        }
    }

    @Test
    void everyChangeIsAudited() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("alice", "plum-tulip-ferry-42", false);
        core.lockUser.lock(Actor.operator(), ALICE, "x");
        core.unlockUser.unlock(Actor.operator(), ALICE);
        core.removeUser.remove(Actor.operator(), ALICE);
        List<String> actions = core.auditLog.all().stream().map(AuditEvent::action).toList();
        assertEquals(List.of("user.create", "user.create", "user.lock", "user.unlock", "user.delete"), actions);
        assertTrue(core.auditLog.all().stream().allMatch(e -> e.actor().equals("operator")));
    }
}
