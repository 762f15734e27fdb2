package dev.gatehouse.store.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

/** SQL for {@code avatars}; the upsert is the same on SQLite (3.24 and later) and PostgreSQL. */
@JdbcRepository(dialect = Dialect.ANSI, dataSource = JdbcContext.DATA_SOURCE)
@Requires(property = JdbcContext.MARKER)
interface AvatarRepository extends GenericRepository<AvatarRow, String> {

    @Query("SELECT * FROM avatars WHERE username = :username")
    Optional<AvatarRow> byUsername(String username);

    @Query("SELECT updated_at FROM avatars WHERE username = :username")
    Optional<Instant> updatedAt(String username);

    @Query("INSERT INTO avatars (username, media_type, image, updated_at) VALUES (:username, :mediaType, :image,"
            + " :updatedAt) ON CONFLICT (username) DO UPDATE SET media_type = excluded.media_type,"
            + " image = excluded.image, updated_at = excluded.updated_at")
    int put(String username, String mediaType, byte[] image, Instant updatedAt);

    @Query("DELETE FROM avatars WHERE username = :username")
    int remove(String username);
}
