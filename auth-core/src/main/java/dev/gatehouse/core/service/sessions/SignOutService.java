package dev.gatehouse.core.service.sessions;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.in.SignOut;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.TokenDigests;
import java.util.Map;
import java.util.Optional;

/** Ends the caller's session; signing out of an impersonation is recorded as its end. */
public final class SignOutService implements SignOut {

    private final SessionStore sessions;
    private final TokenDigests tokens;
    private final AuditTrail audit;

    public SignOutService(SessionStore sessions, TokenDigests tokens, AuditTrail audit) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
    }

    @Override
    public boolean signOut(String token, String clientIp) {
        if (!TokenDigests.looksLikeToken(token)) {
            return false;
        }
        Optional<Session> session = sessions.findByTokenDigest(tokens.digest(token));
        if (session.isEmpty() || !sessions.delete(session.get().id())) {
            return false;
        }
        if (session.get().isImpersonation()) {
            // Signing out of an impersonation ends it: the log says so, as stopping would.
            ImpersonateService.recordStop(audit, session.get(), clientIp, "signed_out");
            return true;
        }
        Actor actor = new Actor(Optional.of(session.get().username()), false, clientIp, "web",
                session.get().impersonator());
        audit.record("auth.sign_out", actor, session.get().username(), Outcome.SUCCESS,
                Map.of("session", session.get().id().value()));
        return true;
    }
}
