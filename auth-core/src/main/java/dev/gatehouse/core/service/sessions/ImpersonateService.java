package dev.gatehouse.core.service.sessions;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.in.Impersonate;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Opens and ends impersonation sessions: real sessions of the user that name the administrator. */
public final class ImpersonateService implements Impersonate {

    static final String START = "impersonation.start";
    static final String STOP = "impersonation.stop";

    /** How long an impersonation lasts unless configured otherwise. */
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(30);

    private final UserStore users;
    private final SessionStore sessions;
    private final TokenDigests tokens;
    private final Duration limit;
    private final AuditTrail audit;
    private final Clock clock;

    public ImpersonateService(UserStore users, SessionStore sessions, TokenDigests tokens, Duration limit,
                              AuditTrail audit, Clock clock) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("The impersonation time limit must be positive, was " + limit);
        }
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.limit = limit;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result start(Command command) {
        Actor actor = command.actor();
        Optional<Refused> refused = ImpersonationRules.mayStart(actor, command.actorSession());
        Optional<User> target = users.find(command.target());
        if (refused.isEmpty() && target.isEmpty()) {
            refused = Optional.of(Refused.noSuchUser(command.target()));
        }
        if (refused.isEmpty()) {
            refused = ImpersonationRules.mayActAs(actor, target.get());
        }
        if (refused.isPresent()) {
            audit.record(START, actor, target.map(User::username).orElse(null), Outcome.REFUSED,
                    Map.of("reason", refused.get().message()));
            return refused.get();
        }
        Instant now = clock.instant();
        String token = tokens.newToken();
        Session session = new Session(new SessionId(tokens.newId()), tokens.digest(token), command.target(), now, now,
                now.plus(limit), actor.clientIp(), command.userAgent(), actor.username());
        sessions.save(session);
        // Locked or removed meanwhile: the session must not outlive that.
        if (users.find(command.target()).filter(u -> u.status().isActive() && !u.isAdmin()).isEmpty()) {
            sessions.delete(session.id());
            return Refused.noSuchUser(command.target());
        }
        audit.record(START, actor, command.target(), Outcome.SUCCESS, Map.of("session", session.id().value(),
                "expires_at", session.expiresAt().toString()));
        return new Started(target.get(), session, token);
    }

    @Override
    public StopResult stop(String token, String clientIp) {
        if (!TokenDigests.looksLikeToken(token)) {
            return new NotImpersonating();
        }
        Optional<Session> session = sessions.findByTokenDigest(tokens.digest(token)).filter(Session::isImpersonation);
        if (session.isEmpty() || !sessions.delete(session.get().id())) {
            return new NotImpersonating();
        }
        Username administrator = session.get().impersonator().orElseThrow();
        recordStop(audit, session.get(), clientIp, "stopped");
        return new Stopped(administrator, session.get().username());
    }

    /** Records the end of an impersonation: by the administrator, of the user, and why. */
    static void recordStop(AuditTrail audit, Session session, String clientIp, String reason) {
        Actor administrator = new Actor(session.impersonator(), true, clientIp, "web");
        audit.record(STOP, administrator, session.username(), Outcome.SUCCESS,
                Map.of("session", session.id().value(), "reason", reason));
    }
}
