package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.AuditEvent;
import dev.gatehouse.core.model.Username;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The append-only record of security events.
 *
 * <p>Contract (checked by {@code AuditLogContract}): events are never changed or removed by
 * Gatehouse; {@link #query} returns the newest first, filtered by target-or-actor user and time,
 * at most {@code limit} of them; appends from several threads or processes all land; appending an
 * event whose id is already there changes nothing (so a copy between stores can be repeated).
 */
public interface AuditLog {

    /** The order {@link #page} walks: oldest first, ties by id. */
    Comparator<AuditEvent> LOG_ORDER = Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::id);

    /** Adds one event. */
    void append(AuditEvent event);

    /**
     * Up to {@code limit} events after {@code after} (from the start if empty), oldest first, in
     * (time, id) order: for walking the whole log, as copying between stores does.
     */
    List<AuditEvent> page(Optional<AuditEvent> after, int limit);

    /** Events touching {@code user} (as actor or target) at or after {@code since}, newest first. */
    List<AuditEvent> query(Query query);

    /** What to look for; empty parts match everything. */
    record Query(Optional<Username> user, Optional<Instant> since, int limit) {
        public Query {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, was " + limit);
            }
        }

        public static Query latest(int limit) {
            return new Query(Optional.empty(), Optional.empty(), limit);
        }

        /** True if {@code event} is one this query asks for (limit aside). */
        public boolean matches(AuditEvent event) {
            return user.map(u -> event.actor().equals(u.value()) || event.target().map(u::equals).orElse(false))
                    .orElse(true)
                    && since.map(s -> !event.at().isBefore(s)).orElse(true);
        }
    }
}
