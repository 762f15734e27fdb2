package dev.gatehouse.core.service;

import dev.gatehouse.core.model.Session;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Resolves session tokens to users, enforcing absolute and idle expiry and the user's status. */
public final class ValidateSessionService implements ValidateSession {

    private final SessionStore sessions;
    private final UserStore users;
    private final TokenDigests tokens;
    private final SessionPolicy policy;
    private final Clock clock;

    public ValidateSessionService(SessionStore sessions, UserStore users, TokenDigests tokens,
                                  SessionPolicy policy, Clock clock) {
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
        Optional<Session> found = sessions.findByTokenDigest(tokens.digest(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        Instant now = clock.instant();
        // The policy's lifetime applies also to sessions opened under a longer one.
        boolean pastLifetime = !now.isBefore(session.createdAt().plus(policy.absoluteLifetime()));
        if (pastLifetime || session.isExpired(now, policy.idleTimeout())) {
            sessions.delete(session.id());
            return Optional.empty();
        }
        // A session older than its account belongs to an earlier account of the same name.
        Instant openedAt = session.createdAt();
        Optional<User> user = users.find(session.username())
                .filter(u -> u.status().isActive() && !openedAt.isBefore(u.createdAt()));
        if (user.isEmpty()) {
            sessions.delete(session.id());
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(policy.touchInterval()))) {
            sessions.touch(session.id(), now);
            session = session.withLastSeenAt(now);
        }
        return Optional.of(new SignedInUser(user.get(), session));
    }
}
