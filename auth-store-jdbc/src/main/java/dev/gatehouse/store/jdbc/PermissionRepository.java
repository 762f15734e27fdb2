package dev.gatehouse.store.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** SQL for {@code user_permissions}; the upsert is the same on SQLite (3.24 and later) and PostgreSQL. */
@JdbcRepository(dialect = Dialect.ANSI, dataSource = JdbcContext.DATA_SOURCE)
@Requires(property = JdbcContext.MARKER)
interface PermissionRepository extends GenericRepository<PermissionRow, String> {

    @Query("SELECT * FROM user_permissions WHERE username = :username")
    Optional<PermissionRow> byUsername(String username);

    @Query("SELECT * FROM user_permissions ORDER BY username")
    List<PermissionRow> everyone();

    @Query("INSERT INTO user_permissions (username, features, models) VALUES (:username, :features, :models)"
            + " ON CONFLICT (username) DO UPDATE SET features = excluded.features, models = excluded.models")
    int put(String username, String features, @Nullable String models);

    @Query("DELETE FROM user_permissions WHERE username = :username")
    int remove(String username);
}
