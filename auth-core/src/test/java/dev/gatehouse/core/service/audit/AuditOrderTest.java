package dev.gatehouse.core.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.testing.InMemoryAuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Events of the same instant keep the order they happened in, as every store lists by (time, id). */
class AuditOrderTest {

    @Test
    void eventsRecordedInTheSameMillisecondReadBackInTheOrderTheyHappened() {
        InMemoryAuditLog log = new InMemoryAuditLog();
        AuditTrail audit = new AuditTrail(log, Clock.fixed(Instant.parse("2026-01-10T09:00:00Z"), ZoneOffset.UTC));
        List<String> recorded = IntStream.range(0, 5000).mapToObj(i -> "step_" + i).toList();
        recorded.forEach(action -> audit.record(action, Actor.operator(), null, Outcome.SUCCESS, Map.of()));

        List<String> read = log.page(Optional.empty(), 10_000).stream().map(AuditEvent::action).toList();

        assertEquals(recorded, read);
    }
}
