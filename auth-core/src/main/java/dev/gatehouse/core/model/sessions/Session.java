package dev.gatehouse.core.model.sessions;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in browser or client. The secret token is never kept: only its keyed digest
 * ({@code tokenDigest}), so a copy of the store cannot be used to sign in. A session an
 * administrator opened to act as {@code username} names them as {@code impersonator}.
 */
public record Session(
        SessionId id,
        String tokenDigest,
        Username username,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt,
        String clientIp,
        String userAgent,
        Optional<Username> impersonator) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenDigest, "tokenDigest");
        if (!tokenDigest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A session's token digest must be 64 lowercase hex characters (HMAC-SHA-256).");
        }
        Objects.requireNonNull(username, "username");
        createdAt = Times.truncate(Objects.requireNonNull(createdAt, "createdAt"));
        lastSeenAt = Times.truncate(Objects.requireNonNull(lastSeenAt, "lastSeenAt"));
        expiresAt = Times.truncate(Objects.requireNonNull(expiresAt, "expiresAt"));
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A session must expire after it starts; it starts " + createdAt
                    + " and expires " + expiresAt + ".");
        }
        clientIp = capped(clientIp);
        userAgent = capped(userAgent);
        Objects.requireNonNull(impersonator, "impersonator");
        if (impersonator.filter(username::equals).isPresent()) {
            throw new IllegalArgumentException("'" + username + "' cannot impersonate themselves.");
        }
    }

    /** A session the user opened themselves. */
    public Session(SessionId id, String tokenDigest, Username username, Instant createdAt, Instant lastSeenAt,
                   Instant expiresAt, String clientIp, String userAgent) {
        this(id, tokenDigest, username, createdAt, lastSeenAt, expiresAt, clientIp, userAgent, Optional.empty());
    }

    /** True when an administrator opened this session to act as its user. */
    public boolean isImpersonation() {
        return impersonator.isPresent();
    }

    /** Client-supplied text is kept, but not without bound. */
    private static String capped(String text) {
        return text == null ? "" : text.length() <= 512 ? text : text.substring(0, 512);
    }

    /** True once past its absolute expiry or idle for longer than {@code idleTimeout}. */
    public boolean isExpired(Instant now, Duration idleTimeout) {
        return !now.isBefore(expiresAt) || !now.isBefore(lastSeenAt.plus(idleTimeout));
    }

    public Session withLastSeenAt(Instant at) {
        return new Session(id, tokenDigest, username, createdAt, at, expiresAt, clientIp, userAgent, impersonator);
    }
}
