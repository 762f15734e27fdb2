package dev.gatehouse.store.json;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.store.json.StoreFile.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** Sessions in gatehouse-sessions.json; every lookup sees deletions made by other processes. */
final class JsonSessionStore implements SessionStore {

    private static final Comparator<Session> NEWEST_FIRST =
            Comparator.comparing(Session::createdAt).reversed().thenComparing(s -> s.id().value());

    private final StoreFile<SessionsDocument> file;

    JsonSessionStore(StoreDirectory directory) {
        this.file = new StoreFile<>(directory, SessionsDocument.FILE_NAME, SessionsDocument.CODEC, false);
    }

    @Override
    public void save(Session session) {
        Objects.requireNonNull(session, "session");
        file.change(sessions -> Change.write(sessions.with(session), null));
    }

    @Override
    public Optional<Session> findByTokenDigest(String tokenDigest) {
        return file.read().findByTokenDigest(tokenDigest);
    }

    @Override
    public Optional<Session> find(SessionId id) {
        return file.read().find(id);
    }

    @Override
    public List<Session> listByUser(Username username) {
        return file.read().all().stream().filter(s -> s.username().equals(username)).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public List<Session> page(Optional<SessionId> after, int limit) {
        return Pages.after(file.read().byId(), s -> s.id().value(), Comparator.naturalOrder(),
                after.map(SessionId::value), limit);
    }

    @Override
    public void touch(SessionId id, Instant lastSeenAt) {
        file.change(sessions -> sessions.find(id)
                .map(s -> Change.write(sessions.with(s.withLastSeenAt(lastSeenAt)), null))
                .orElseGet(() -> Change.keep(null)));
    }

    @Override
    public boolean delete(SessionId id) {
        return removeAll(s -> s.id().equals(id)) > 0;
    }

    @Override
    public int deleteByUser(Username username) {
        return removeAll(s -> s.username().equals(username));
    }

    @Override
    public int deleteExpired(Instant now, Duration idleTimeout) {
        return removeAll(s -> s.isExpired(now, idleTimeout));
    }

    private int removeAll(Predicate<Session> ended) {
        return file.change(sessions -> {
            int count = (int) sessions.all().stream().filter(ended).count();
            return count == 0 ? Change.keep(0) : Change.write(sessions.without(ended), count);
        });
    }
}
