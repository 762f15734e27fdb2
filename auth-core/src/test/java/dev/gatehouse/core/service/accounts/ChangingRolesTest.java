package dev.gatehouse.core.service.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.in.ChangeRole;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.testing.CoreFixture;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangingRolesTest {

    private final CoreFixture core = new CoreFixture();
    private final ChangeRoleService changeRole = new ChangeRoleService(core.users, core.audit);
    private static final Username ALICE = Username.of("alice");
    private static final Username ROOT = Username.of("root");

    @BeforeEach
    void users() {
        core.add("root", "plum-tulip-ferry-42", true);
        core.add("alice", "plum-tulip-ferry-42", false);
    }

    /** The one role-change event with this outcome (the fixture's clock stands still, so order by time says nothing). */
    private AuditEvent roleEvent(AuditEvent.Outcome outcome) {
        return core.auditLog.page(Optional.empty(), 1000).stream()
                .filter(e -> e.action().equals("user.role_change") && e.outcome() == outcome)
                .reduce((a, b) -> { throw new AssertionError("more than one: " + a + ", " + b); }).orElseThrow();
    }

    @Test
    void anAdministratorPromotesAUserAndTheChangeIsAuditedWithBothRoles() {
        ChangeRole.Changed changed = assertInstanceOf(ChangeRole.Changed.class,
                changeRole.change(core.actorFor("root"), ALICE, true));
        assertTrue(changed.changed());
        assertTrue(core.users.find(ALICE).orElseThrow().isAdmin());
        AuditEvent event = roleEvent(AuditEvent.Outcome.SUCCESS);
        assertEquals("user.role_change", event.action());
        assertEquals("root", event.actor());
        assertEquals(Optional.of(ALICE), event.target());
        assertEquals(Map.of("from", "user", "to", "admin"), event.details());
    }

    @Test
    void demotingKeepsTheAccountAndAskingForTheRoleAlreadyHeldChangesNothing() {
        changeRole.change(core.actorFor("root"), ALICE, true);
        assertInstanceOf(ChangeRole.Changed.class, changeRole.change(Actor.operator(), ALICE, false));
        assertFalse(core.users.find(ALICE).orElseThrow().isAdmin());
        int events = core.auditLog.page(Optional.empty(), 100).size();
        ChangeRole.Changed again = assertInstanceOf(ChangeRole.Changed.class, changeRole.change(Actor.operator(), ALICE, false));
        assertFalse(again.changed());
        assertEquals(events, core.auditLog.page(Optional.empty(), 100).size(), "no change, no event");
    }

    @Test
    void usersCannotChangeRolesAndNobodyChangesTheirOwn() {
        Refused notAdmin = assertInstanceOf(Refused.class, changeRole.change(core.actorFor("alice"), ROOT, false));
        assertEquals(Refused.Reason.NOT_ALLOWED, notAdmin.reason());
        assertTrue(core.users.find(ROOT).orElseThrow().isAdmin());
        changeRole.change(core.actorFor("root"), ALICE, true);
        Refused self = assertInstanceOf(Refused.class, changeRole.change(core.actorFor("alice"), ALICE, false));
        assertEquals(Refused.Reason.SELF, self.reason());
        assertTrue(core.users.find(ALICE).orElseThrow().isAdmin());
        assertEquals(2, core.auditLog.all().stream().filter(e -> e.action().equals("user.role_change")
                && e.outcome() == AuditEvent.Outcome.REFUSED).count(), "both refusals are in the log");
    }

    @Test
    void theLastActiveAdministratorAndTheAdminAccountStayAdministrators() {
        Refused last = assertInstanceOf(Refused.class, changeRole.change(Actor.operator(), ROOT, false));
        assertEquals("'root' is the last active administrator; make someone else an administrator first.", last.message());
        core.add("admin", "plum-tulip-ferry-42", false);
        assertTrue(assertInstanceOf(Refused.class, changeRole.change(Actor.operator(), Username.ADMIN, false))
                .message().contains("always an administrator"));
        assertInstanceOf(ChangeRole.Changed.class, changeRole.change(Actor.operator(), ROOT, false), "admin remains");
    }

    @Test
    void anUnknownUserIsNamed() {
        assertEquals("There is no user 'nobody'.", assertInstanceOf(Refused.class,
                changeRole.change(Actor.operator(), Username.of("nobody"), true)).message());
    }
}
