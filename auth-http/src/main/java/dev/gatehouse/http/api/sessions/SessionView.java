package dev.gatehouse.http.api.sessions;

import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Optional;

/**
 * One session as its owner sees it. {@code id} is the public session id, which can end the
 * session but never sign in; the token and its digest are never shown.
 */
@Serdeable
record SessionView(String id, boolean current, String created, String lastSeen, String expires,
                   String clientIp, String userAgent) {

    static SessionView of(Session session, Optional<SessionId> current) {
        return new SessionView(session.id().value(), current.map(session.id()::equals).orElse(false),
                session.createdAt().toString(), session.lastSeenAt().toString(), session.expiresAt().toString(),
                session.clientIp(), session.userAgent());
    }

    /** The body of {@code GET /api/me/sessions}. */
    @Serdeable
    record Listing(List<SessionView> sessions) {
    }
}
