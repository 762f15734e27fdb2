package dev.gatehouse.core.service.audit;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.audit.AuditIds;
import dev.gatehouse.core.port.out.AuditLog;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Writes audit events for the use cases, stamping the time, the actor and whoever impersonates them. */
public final class AuditTrail {

    private final AuditLog log;
    private final Clock clock;

    public AuditTrail(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Records that {@code actor} did {@code action} to {@code target} with this outcome. */
    public void record(String action, Actor actor, Username target, Outcome outcome, Map<String, String> details) {
        log.append(new AuditEvent(AuditIds.next(), clock.instant(), action, actor.auditName(),
                Optional.ofNullable(target), actor.clientIp(), outcome, details,
                actor.impersonator().map(Username::value)));
    }

    /** Records a success without details. */
    public void success(String action, Actor actor, Username target) {
        record(action, actor, target, Outcome.SUCCESS, Map.of());
    }
}
