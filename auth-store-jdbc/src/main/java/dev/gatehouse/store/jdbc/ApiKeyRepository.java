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

/** SQL for {@code api_keys}, the same on SQLite and PostgreSQL (except the row lock). */
@JdbcRepository(dialect = Dialect.ANSI, dataSource = JdbcContext.DATA_SOURCE)
@Requires(property = JdbcContext.MARKER)
interface ApiKeyRepository extends GenericRepository<ApiKeyRow, String> {

    /** Adds the key unless its id or digest is taken (either unique index); 0 then. */
    @Query("INSERT INTO api_keys (id, digest, owner, name, display_prefix, created_at, expires_at, last_used_at,"
            + " scopes, revoked_at, origin, legacy_verifier) VALUES (:id, :digest, :owner, :name, :displayPrefix,"
            + " :createdAt, :expiresAt, :lastUsedAt, :scopes, :revokedAt, :origin, :legacyVerifier)"
            + " ON CONFLICT DO NOTHING")
    int insertIfAbsent(String id, @Nullable String digest, String owner, String name, String displayPrefix,
                       Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, String scopes,
                       @Nullable Instant revokedAt, String origin, @Nullable String legacyVerifier);

    @Query("SELECT * FROM api_keys WHERE id = :id")
    Optional<ApiKeyRow> byId(String id);

    /** PostgreSQL only: reads the row and locks it until the transaction ends. */
    @Query("SELECT * FROM api_keys WHERE id = :id FOR UPDATE")
    Optional<ApiKeyRow> lockById(String id);

    @Query("SELECT * FROM api_keys WHERE digest = :digest")
    Optional<ApiKeyRow> byDigest(String digest);

    @Query("SELECT * FROM api_keys WHERE owner = :owner ORDER BY created_at DESC, id")
    List<ApiKeyRow> byOwner(String owner);

    @Query("SELECT * FROM api_keys ORDER BY id LIMIT :limit")
    List<ApiKeyRow> firstPage(int limit);

    @Query("SELECT * FROM api_keys WHERE id > :after ORDER BY id LIMIT :limit")
    List<ApiKeyRow> pageAfter(String after, int limit);

    /** What an update may change: the name, the last use and the revocation. */
    @Query("UPDATE api_keys SET name = :name, last_used_at = :lastUsedAt, revoked_at = :revokedAt WHERE id = :id")
    int change(String id, String name, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt);

    @Query("UPDATE api_keys SET last_used_at = :at WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at)")
    int touch(String id, Instant at);

    /** 1 if an imported key has a digest, else 0; answered from the partial index of migration 5. */
    @Query("SELECT COUNT(*) FROM (SELECT 1 FROM api_keys WHERE origin = 'imported' AND digest IS NOT NULL LIMIT 1) AS any_key")
    long importedWithDigest();

    @Query("UPDATE api_keys SET revoked_at = :at WHERE owner = :owner AND revoked_at IS NULL")
    int revokeByOwner(String owner, Instant at);
}
