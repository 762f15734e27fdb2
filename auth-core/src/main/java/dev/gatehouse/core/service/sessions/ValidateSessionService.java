package dev.gatehouse.core.service.sessions;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.KeptByCount;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resolves session tokens to users, enforcing absolute and idle expiry and the user's status.
 *
 * <p>When the store can say cheaply whether anything changed ({@link SessionStore#changeCount}),
 * what a check found is kept and reused while nothing in the store changed, the session needs no
 * activity write and has not expired: a lock, removal or password change — from this process or
 * another — changes the count and the next request reads the store again.
 */
public final class ValidateSessionService implements ValidateSession {

    private final SessionStore sessions;
    private final UserStore users;
    private final TokenDigests tokens;
    private final SessionPolicy policy;
    private final Clock clock;
    private final KeptByCount<String, SignedInUser> kept = new KeptByCount<>();
    private final Optional<AuditTrail> audit;

    /** Without an audit trail: an impersonation that times out ends unrecorded (for tools and tests). */
    public ValidateSessionService(SessionStore sessions, UserStore users, TokenDigests tokens,
                                  SessionPolicy policy, Clock clock) {
        this(sessions, users, tokens, policy, clock, null);
    }

    /** {@code audit} records impersonations that end because their time ran out, when next seen. */
    public ValidateSessionService(SessionStore sessions, UserStore users, TokenDigests tokens,
                                  SessionPolicy policy, Clock clock, AuditTrail audit) {
        this.audit = Optional.ofNullable(audit);
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Optional<SignedInUser> validate(String token) {
        if (!TokenDigests.looksLikeToken(token)) {
            return Optional.empty();
        }
        String digest = tokens.digest(token);
        OptionalLong before = sessions.changeCount();
        Instant now = clock.instant();
        Optional<SignedInUser> reused = reuse(digest, before, now);
        if (reused.isPresent()) {
            return reused;
        }
        Optional<SignedInUser> result = check(digest, now);
        if (result.isPresent() && fresh(result.get().session(), now)) {
            kept.put(digest, result.get(), before);
        } else {
            kept.remove(digest);
        }
        return result;
    }

    @Override
    public Optional<SignedInUser> kept(String token) {
        if (!TokenDigests.looksLikeToken(token) || kept.isEmpty()) {
            return Optional.empty();
        }
        return reuse(tokens.digest(token), sessions.changeCount(), clock.instant());
    }

    private Optional<SignedInUser> reuse(String digest, OptionalLong changeCount, Instant now) {
        return kept.get(digest, changeCount).filter(signedIn -> fresh(signedIn.session(), now));
    }

    /** Reusable until the session is due an activity write, or expires. */
    private boolean fresh(Session session, Instant now) {
        return now.isBefore(session.lastSeenAt().plus(policy.touchInterval()))
                && now.isBefore(session.createdAt().plus(policy.absoluteLifetime()))
                && !session.isExpired(now, policy.idleTimeout());
    }

    private Optional<SignedInUser> check(String digest, Instant now) {
        Optional<Session> found = sessions.findByTokenDigest(digest);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        // The policy's lifetime applies also to sessions opened under a longer one.
        boolean pastLifetime = !now.isBefore(session.createdAt().plus(policy.absoluteLifetime()));
        if (pastLifetime || session.isExpired(now, policy.idleTimeout())) {
            if (sessions.delete(session.id()) && session.isImpersonation()) {
                Session ended = session;
                audit.ifPresent(trail -> ImpersonateService.recordStop(trail, ended, ended.clientIp(), "expired"));
            }
            return Optional.empty();
        }
        // A session older than its account belongs to an earlier account of the same name.
        Instant openedAt = session.createdAt();
        Optional<User> user = users.find(session.username())
                .filter(u -> u.status().isActive() && !openedAt.isBefore(u.createdAt()));
        if (user.isEmpty() || session.isImpersonation() && !impersonationHolds(session, user.get())) {
            sessions.delete(session.id());
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(policy.touchInterval()))) {
            sessions.touch(session.id(), now);
            session = session.withLastSeenAt(now);
        }
        return Optional.of(new SignedInUser(user.get(), session));
    }

    /** Only an active administrator acts as someone, and only as a user who is not an administrator. */
    private boolean impersonationHolds(Session session, User target) {
        return !target.isAdmin() && session.impersonator().flatMap(users::find)
                .filter(admin -> admin.isAdmin() && admin.status().isActive()).isPresent();
    }
}
