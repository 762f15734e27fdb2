package dev.gatehouse.core.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ReadAuditLog;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.testing.CoreFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Only administrators read the audit log, and not without bound. */
class ReadingTheAuditLogTest {

    private final CoreFixture core = new CoreFixture();
    private final ReadAuditLogService read = new ReadAuditLogService(core.auditLog);

    @Test
    void administratorsReadEventsAboutAUserNewestFirstOthersAreRefused() {
        core.add("admin", "plum-tulip-ferry-42", true);
        core.add("bob", "plum-tulip-ferry-42", false);
        core.clock.advance(java.time.Duration.ofMinutes(1));
        core.lockUser.lock(Actor.operator(), Username.of("bob"), "away");

        ReadAuditLog.Events bobs = assertInstanceOf(ReadAuditLog.Events.class, read.read(core.actorFor("admin"),
                new AuditLog.Query(Optional.of(Username.of("bob")), Optional.empty(), 10)));
        assertEquals(2, bobs.events().size());
        assertEquals("user.lock", bobs.events().get(0).action());
        assertEquals("user.create", bobs.events().get(1).action());

        Refused refused = assertInstanceOf(Refused.class, read.read(core.actorFor("bob"), AuditLog.Query.latest(10)));
        assertEquals(Refused.Reason.NOT_ALLOWED, refused.reason());
        assertEquals(Refused.Reason.INVALID, assertInstanceOf(Refused.class, read.read(Actor.operator(),
                AuditLog.Query.latest(ReadAuditLog.MAX_EVENTS + 1))).reason());
    }
}
