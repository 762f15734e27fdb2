package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.AuditLog;
import java.util.List;

/** The audit log, for administrators: events touching a user (as actor or target) since a time, newest first. */
public interface ReadAuditLog {

    /** The most events one read gives. */
    int MAX_EVENTS = 100_000;

    /** Up to {@code query.limit()} (1 to {@link #MAX_EVENTS}) events matching {@code query}, newest first. */
    Result read(Actor actor, AuditLog.Query query);

    /** What happened. */
    sealed interface Result permits Events, Refused {
    }

    /** The events found, newest first. */
    record Events(List<AuditEvent> events) implements Result {
        public Events {
            events = List.copyOf(events);
        }
    }
}
