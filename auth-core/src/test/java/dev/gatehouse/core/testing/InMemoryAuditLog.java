package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.AuditEvent;
import dev.gatehouse.core.port.out.AuditLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** An {@link AuditLog} in a list. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    /** Oldest first, ties by id: the order {@link #page} walks. */
    public static final Comparator<AuditEvent> LOG_ORDER =
            Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::id);

    @Override
    public synchronized void append(AuditEvent event) {
        if (events.stream().noneMatch(e -> e.id().equals(event.id()))) {
            events.add(event);
        }
    }

    @Override
    public synchronized List<AuditEvent> page(Optional<AuditEvent> after, int limit) {
        return events.stream()
                .filter(e -> after.map(a -> LOG_ORDER.compare(e, a) > 0).orElse(true))
                .sorted(LOG_ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<AuditEvent> query(Query query) {
        return events.stream()
                .filter(e -> query.user().map(u -> e.actor().equals(u.value())
                        || e.target().map(u::equals).orElse(false)).orElse(true))
                .filter(e -> query.since().map(since -> !e.at().isBefore(since)).orElse(true))
                .sorted(Comparator.comparing(AuditEvent::at).reversed())
                .limit(query.limit())
                .toList();
    }

    /** Every event, oldest first. */
    public synchronized List<AuditEvent> all() {
        return new ArrayList<>(events);
    }
}
