package dev.gatehouse.core.port.out;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The append-only record of security events.
 *
 * <p>Contract (checked by {@code AuditLogContract}): events are never changed or removed by
 * Gatehouse; {@link #query} returns the newest first, filtered by target-or-actor user and time,
 * at most {@code limit} of them; appends from several threads or processes all land; appending an
 * event whose id is already there changes nothing (so a copy between stores can be repeated); an
 * event reads back equal to what was appended, its impersonator included.
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

    /**
     * Events touching {@code user} (as actor, target or impersonating administrator) at or after
     * {@code since}, whose action starts with {@code action} and whose outcome is {@code outcome},
     * newest first.
     */
    List<AuditEvent> query(Query query);

    /**
     * What to look for; empty parts match everything. {@code action} is a prefix of the action
     * ({@code user.} finds every user event, {@code auth.sign_in} that action alone).
     */
    record Query(Optional<Username> user, Optional<Instant> since, Optional<String> action,
                 Optional<Outcome> outcome, int limit) {
        public Query {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(since, "since");
            action = Objects.requireNonNull(action, "action").map(String::strip).filter(a -> !a.isEmpty());
            if (action.isPresent() && !action.get().matches("[a-z0-9_.]{1,64}")) {
                throw new IllegalArgumentException("The action filter '" + action.get() + "' must be the start of an"
                        + " action: lower-case letters, digits, '.' and '_' (for example user. or auth.sign_in).");
            }
            Objects.requireNonNull(outcome, "outcome");
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, was " + limit);
            }
        }

        /** By user and time only. */
        public Query(Optional<Username> user, Optional<Instant> since, int limit) {
            this(user, since, Optional.empty(), Optional.empty(), limit);
        }

        public static Query latest(int limit) {
            return new Query(Optional.empty(), Optional.empty(), limit);
        }

        /** The same query asking for up to {@code more} events. */
        public Query withLimit(int more) {
            return new Query(user, since, action, outcome, more);
        }

        /** True if {@code event} is one this query asks for (limit aside). */
        public boolean matches(AuditEvent event) {
            return user.map(event::involves).orElse(true)
                    && since.map(s -> !event.at().isBefore(s)).orElse(true)
                    && action.map(event.action()::startsWith).orElse(true)
                    && outcome.map(event.outcome()::equals).orElse(true);
        }
    }
}
