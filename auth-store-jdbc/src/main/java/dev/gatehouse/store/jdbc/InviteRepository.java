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

/** SQL for {@code invites} and {@code invite_uses}, the same on SQLite and PostgreSQL. */
@JdbcRepository(dialect = Dialect.ANSI, dataSource = JdbcContext.DATA_SOURCE)
@Requires(property = JdbcContext.MARKER)
interface InviteRepository extends GenericRepository<InviteRow, String> {

    /** Adds the invite unless its id or digest is taken; 0 then. */
    @Query("INSERT INTO invites (id, digest, display_prefix, created_by, created_at, expires_at, max_uses, use_count,"
            + " email, revoked_at) VALUES (:id, :digest, :displayPrefix, :createdBy, :createdAt, :expiresAt, :maxUses,"
            + " :useCount, :email, :revokedAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(String id, String digest, String displayPrefix, String createdBy, Instant createdAt,
                       Instant expiresAt, int maxUses, int useCount, @Nullable String email, @Nullable Instant revokedAt);

    @Query("SELECT * FROM invites WHERE id = :id")
    Optional<InviteRow> byId(String id);

    @Query("SELECT * FROM invites WHERE digest = :digest")
    Optional<InviteRow> byDigest(String digest);

    @Query("SELECT * FROM invites ORDER BY created_at DESC, id")
    List<InviteRow> newestFirst();

    @Query("SELECT * FROM invites ORDER BY id LIMIT :limit")
    List<InviteRow> firstPage(int limit);

    @Query("SELECT * FROM invites WHERE id > :after ORDER BY id LIMIT :limit")
    List<InviteRow> pageAfter(String after, int limit);

    /** Takes one use if the invite is usable at {@code at}; 1 if it did. The row lock serialises concurrent takers. */
    @Query("UPDATE invites SET use_count = use_count + 1 WHERE id = :id AND revoked_at IS NULL AND expires_at > :at"
            + " AND use_count < max_uses")
    int takeUse(String id, Instant at);

    @Query("UPDATE invites SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    int revoke(String id, Instant at);

    @Query("INSERT INTO invite_uses (id, invite_id, seq, username, used_at) VALUES (:id, :inviteId, :seq, :username,"
            + " :usedAt)")
    int addUse(String id, String inviteId, int seq, String username, Instant usedAt);
}
