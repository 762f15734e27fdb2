package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.AuditLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An {@link AuditLog} in a list. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void append(AuditEvent event) {
        if (events.stream().noneMatch(e -> e.id().equals(event.id()))) {
            events.add(event);
        }
    }

    @Override
    public synchronized List<AuditEvent> page(Optional<AuditEvent> after, int limit) {
        return events.stream()
                .filter(e -> after.map(a -> AuditLog.LOG_ORDER.compare(e, a) > 0).orElse(true))
                .sorted(AuditLog.LOG_ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<AuditEvent> query(Query query) {
        return events.stream()
                .filter(query::matches)
                .sorted(Comparator.comparing(AuditEvent::at).reversed())
                .limit(query.limit())
                .toList();
    }

    /** Every event, oldest first. */
    public synchronized List<AuditEvent> all() {
        return new ArrayList<>(events);
    }
}
