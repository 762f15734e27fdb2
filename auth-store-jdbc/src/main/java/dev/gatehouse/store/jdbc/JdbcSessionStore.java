package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.model.time.Times;
import dev.gatehouse.core.port.out.SessionStore;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Sessions in a table, found through the unique index on the token digest. */
final class JdbcSessionStore implements SessionStore {

    private final SessionRepository sessions;
    private final Transactions transactions;
    private final SqliteChangeCount changes;

    /** {@code changes} is null for PostgreSQL, which has no cheap equivalent (yet). */
    JdbcSessionStore(SessionRepository sessions, Transactions transactions, SqliteChangeCount changes) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.changes = changes;
    }

    @Override
    public OptionalLong changeCount() {
        return changes == null ? OptionalLong.empty() : changes.current();
    }

    @Override
    public void save(Session s) {
        transactions.write(() -> sessions.add(s.id().value(), s.tokenDigest(), s.username().value(), s.createdAt(),
                s.lastSeenAt(), s.expiresAt(), s.clientIp(), s.userAgent(), s.impersonator().map(Username::value).orElse(null)));
    }

    @Override
    public Optional<Session> findByTokenDigest(String tokenDigest) {
        return transactions.read(() -> sessions.byTokenDigest(tokenDigest).map(Rows::session));
    }

    @Override
    public Optional<Session> find(SessionId id) {
        return transactions.read(() -> sessions.byId(id.value()).map(Rows::session));
    }

    @Override
    public List<Session> listByUser(Username username) {
        return transactions.read(() -> sessions.byUser(username.value()).stream().map(Rows::session).toList());
    }

    @Override
    public List<Session> page(Optional<SessionId> after, int limit) {
        Pages.check(limit);
        return transactions.read(() -> after.map(id -> sessions.pageAfter(id.value(), limit))
                .orElseGet(() -> sessions.firstPage(limit)).stream().map(Rows::session).toList());
    }

    @Override
    public void touch(SessionId id, Instant lastSeenAt) {
        Instant at = Times.truncate(lastSeenAt);
        // On SQLite through the change count's own connection: activity does not undo kept checks.
        if (changes != null && changes.writeUnnoticed(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sessions SET last_seen_at = ? WHERE id = ?")) {
                update.setLong(1, at.toEpochMilli());
                update.setString(2, id.value());
                update.executeUpdate();
            }
        })) {
            return;
        }
        transactions.write(() -> sessions.touch(id.value(), at));
    }

    @Override
    public boolean delete(SessionId id) {
        return transactions.write(() -> sessions.remove(id.value()) == 1);
    }

    @Override
    public int deleteByUser(Username username) {
        return transactions.write(() -> sessions.removeByUser(username.value()));
    }

    @Override
    public int deleteExpired(Instant now, Duration idleTimeout) {
        Instant at = Times.truncate(now);
        return transactions.write(() -> sessions.removeExpired(at, at.minus(idleTimeout)));
    }
}
