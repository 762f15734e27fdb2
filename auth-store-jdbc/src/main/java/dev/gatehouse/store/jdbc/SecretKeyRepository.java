package dev.gatehouse.store.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** SQL for {@code secret_keys}. */
@JdbcRepository(dialect = Dialect.ANSI, dataSource = JdbcContext.DATA_SOURCE)
@Requires(property = JdbcContext.MARKER)
interface SecretKeyRepository extends GenericRepository<SecretKeyRow, String> {

    @Query("SELECT * FROM secret_keys WHERE name = :name")
    Optional<SecretKeyRow> byName(String name);

    @Query("INSERT INTO secret_keys (name, key_bytes) VALUES (:name, :keyBytes) ON CONFLICT (name) DO NOTHING")
    int insertIfAbsent(String name, byte[] keyBytes);

    @Query("SELECT * FROM secret_keys ORDER BY name")
    List<SecretKeyRow> all();
}
