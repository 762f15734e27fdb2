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

/** SQL for {@code users}, written once for SQLite and PostgreSQL (except the row lock). */
@JdbcRepository(dialect = Dialect.ANSI, dataSource = JdbcContext.DATA_SOURCE)
@Requires(property = JdbcContext.MARKER)
interface UserRepository extends GenericRepository<UserRow, String> {

    Optional<UserRow> findById(String username);

    /** Touches no table: runs the whole query path once while the schema is still being migrated. */
    @Query("SELECT 1")
    int ping();

    /** PostgreSQL only: reads the row and locks it until the transaction ends. */
    @Query("SELECT * FROM users WHERE username = :username FOR UPDATE")
    Optional<UserRow> lockById(String username);

    @Query("SELECT * FROM users ORDER BY created_at, username")
    List<UserRow> oldestFirst();

    @Query("SELECT * FROM users ORDER BY username LIMIT :limit")
    List<UserRow> firstPage(int limit);

    @Query("SELECT * FROM users WHERE username > :after ORDER BY username LIMIT :limit")
    List<UserRow> pageAfter(String after, int limit);

    @Query("SELECT COUNT(*) FROM users")
    long countAll();

    @Query("INSERT INTO users (username, password_hash, roles, status, lock_reason, locked_at, created_at,"
            + " last_login_at, last_login_ip, email) VALUES (:username, :passwordHash, :roles, :status, :lockReason,"
            + " :lockedAt, :createdAt, :lastLoginAt, :lastLoginIp, :email) ON CONFLICT (username) DO NOTHING")
    int insertIfAbsent(String username, @Nullable String passwordHash, String roles, String status,
                       @Nullable String lockReason, @Nullable Instant lockedAt, Instant createdAt,
                       @Nullable Instant lastLoginAt, @Nullable String lastLoginIp, @Nullable String email);

    @Query("UPDATE users SET password_hash = :passwordHash, roles = :roles, status = :status,"
            + " lock_reason = :lockReason, locked_at = :lockedAt, created_at = :createdAt,"
            + " last_login_at = :lastLoginAt, last_login_ip = :lastLoginIp, email = :email"
            + " WHERE username = :username")
    int replace(String username, @Nullable String passwordHash, String roles, String status,
                @Nullable String lockReason, @Nullable Instant lockedAt, Instant createdAt,
                @Nullable Instant lastLoginAt, @Nullable String lastLoginIp, @Nullable String email);

    @Query("DELETE FROM users WHERE username = :username")
    int remove(String username);
}
