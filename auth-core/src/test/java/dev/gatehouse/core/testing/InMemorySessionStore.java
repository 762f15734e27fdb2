package dev.gatehouse.core.testing;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.out.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link SessionStore} in a map. */
public final class InMemorySessionStore implements SessionStore {

    private final ConcurrentMap<SessionId, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(Session session) {
        sessions.put(session.id(), session);
    }

    @Override
    public Optional<Session> findByTokenDigest(String tokenDigest) {
        return sessions.values().stream().filter(s -> s.tokenDigest().equals(tokenDigest)).findFirst();
    }

    @Override
    public Optional<Session> find(SessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public List<Session> listByUser(Username username) {
        return sessions.values().stream().filter(s -> s.username().equals(username))
                .sorted(Comparator.comparing(Session::createdAt).reversed()).toList();
    }

    @Override
    public List<Session> page(Optional<SessionId> after, int limit) {
        return sessions.values().stream()
                .filter(s -> after.map(a -> s.id().value().compareTo(a.value()) > 0).orElse(true))
                .sorted(Comparator.comparing(s -> s.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public void touch(SessionId id, Instant lastSeenAt) {
        sessions.computeIfPresent(id, (key, s) -> s.withLastSeenAt(lastSeenAt));
    }

    @Override
    public boolean delete(SessionId id) {
        return sessions.remove(id) != null;
    }

    @Override
    public int deleteByUser(Username username) {
        int[] count = {0};
        sessions.values().removeIf(s -> s.username().equals(username) && ++count[0] > 0);
        return count[0];
    }

    @Override
    public int deleteExpired(Instant now, Duration idleTimeout) {
        int[] count = {0};
        sessions.values().removeIf(s -> s.isExpired(now, idleTimeout) && ++count[0] > 0);
        return count[0];
    }
}
