package dev.gatehouse.store.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** Reads {@code invite_uses}: who registered with which invite. */
@JdbcRepository(dialect = Dialect.ANSI, dataSource = JdbcContext.DATA_SOURCE)
@Requires(property = JdbcContext.MARKER)
interface InviteUseRepository extends GenericRepository<InviteUseRow, String> {

    @Query("SELECT * FROM invite_uses WHERE invite_id = :inviteId ORDER BY seq")
    List<InviteUseRow> byInvite(String inviteId);

    @Query("SELECT * FROM invite_uses ORDER BY invite_id, seq")
    List<InviteUseRow> all();

    @Query("SELECT * FROM invite_uses WHERE invite_id IN (:inviteIds) ORDER BY invite_id, seq")
    List<InviteUseRow> byInvites(java.util.Collection<String> inviteIds);
}
