package dev.gatehouse.store.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for {@code sessions}. */
@JdbcRepository(dialect = Dialect.ANSI, dataSource = JdbcContext.DATA_SOURCE)
@Requires(property = JdbcContext.MARKER)
interface SessionRepository extends GenericRepository<SessionRow, String> {

    @Query("INSERT INTO sessions (id, token_digest, username, created_at, last_seen_at, expires_at, client_ip,"
            + " user_agent, impersonator) VALUES (:id, :tokenDigest, :username, :createdAt, :lastSeenAt, :expiresAt,"
            + " :clientIp, :userAgent, :impersonator)")
    int add(String id, String tokenDigest, String username, Instant createdAt, Instant lastSeenAt,
            Instant expiresAt, String clientIp, String userAgent, @Nullable String impersonator);

    @Query("SELECT * FROM sessions WHERE token_digest = :tokenDigest")
    Optional<SessionRow> byTokenDigest(String tokenDigest);

    @Query("SELECT * FROM sessions WHERE id = :id")
    Optional<SessionRow> byId(String id);

    @Query("SELECT * FROM sessions WHERE username = :username ORDER BY created_at DESC, id")
    List<SessionRow> byUser(String username);

    @Query("SELECT * FROM sessions ORDER BY id LIMIT :limit")
    List<SessionRow> firstPage(int limit);

    @Query("SELECT * FROM sessions WHERE id > :after ORDER BY id LIMIT :limit")
    List<SessionRow> pageAfter(String after, int limit);

    @Query("UPDATE sessions SET last_seen_at = :lastSeenAt WHERE id = :id")
    int touch(String id, Instant lastSeenAt);

    @Query("DELETE FROM sessions WHERE id = :id")
    int remove(String id);

    @Query("DELETE FROM sessions WHERE username = :username")
    int removeByUser(String username);

    @Query("DELETE FROM sessions WHERE expires_at <= :now OR last_seen_at <= :idleSince")
    int removeExpired(Instant now, Instant idleSince);
}
