package dev.gatehouse.core.service.sessions;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.in.ManageSessions;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lists and ends sessions; users their own, administrators anyone's. */
public final class ManageSessionsService implements ManageSessions {

    private final SessionStore sessions;
    private final SessionPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    public ManageSessionsService(SessionStore sessions, SessionPolicy policy, AuditTrail audit, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result list(Actor actor, Username username) {
        Optional<Refused> refused = AccountRules.selfOrAdmin(actor, username);
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant now = clock.instant();
        List<Session> live = sessions.listByUser(username).stream()
                .filter(session -> !session.isExpired(now, policy.idleTimeout()))
                .toList();
        return new Sessions(live);
    }

    @Override
    public Result end(Actor actor, Username username, SessionId id) {
        Optional<Refused> refused = mayEnd(actor, username);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Session> session = sessions.find(id).filter(s -> s.username().equals(username));
        if (session.isEmpty() || !sessions.delete(id)) {
            return new Refused(Refused.Reason.NOT_FOUND, "'" + username + "' has no session '" + id + "'.");
        }
        audit.record("session.revoke", actor, username, Outcome.SUCCESS, Map.of("session", id.value()));
        return new Ended(1);
    }

    @Override
    public Result endAll(Actor actor, Username username) {
        Optional<Refused> refused = mayEnd(actor, username);
        if (refused.isPresent()) {
            return refused.get();
        }
        int ended = sessions.deleteByUser(username);
        audit.record("session.revoke_all", actor, username, Outcome.SUCCESS, Map.of("count", Integer.toString(ended)));
        return new Ended(ended);
    }

    @Override
    public Result endOthers(Actor actor, Username username, SessionId keep) {
        Optional<Refused> refused = mayEnd(actor, username);
        if (refused.isPresent()) {
            return refused.get();
        }
        int ended = 0;
        for (Session session : sessions.listByUser(username)) {
            if (!session.id().equals(keep) && sessions.delete(session.id())) {
                ended++;
            }
        }
        audit.record("session.revoke_others", actor, username, Outcome.SUCCESS,
                Map.of("count", Integer.toString(ended), "kept", keep.value()));
        return new Ended(ended);
    }

    /** Viewing sessions is allowed while impersonating; ending them is not. */
    private static Optional<Refused> mayEnd(Actor actor, Username username) {
        return actor.isImpersonated() ? Optional.of(Refused.whileImpersonating("end their sessions"))
                : AccountRules.selfOrAdmin(actor, username);
    }

    @Override
    public int purgeExpired() {
        return sessions.deleteExpired(clock.instant(), policy.idleTimeout());
    }
}
