package dev.gatehouse.core.service.audit;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.port.in.ReadAuditLog;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.Optional;

/** Reads the audit log for administrators; anyone else is refused. */
public final class ReadAuditLogService implements ReadAuditLog {

    private final AuditLog log;

    public ReadAuditLogService(AuditLog log) {
        this.log = log;
    }

    @Override
    public Result read(Actor actor, AuditLog.Query query) {
        Optional<Refused> refused = AccountRules.mustBeAdmin(actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (query.limit() > MAX_EVENTS) {
            return new Refused(Refused.Reason.INVALID, "At most " + MAX_EVENTS + " events are read at once; "
                    + query.limit() + " is too many (narrow it with a user or a start time).");
        }
        return new Events(log.query(query));
    }
}
