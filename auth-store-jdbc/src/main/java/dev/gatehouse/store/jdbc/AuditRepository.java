package dev.gatehouse.store.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** SQL for {@code audit_events}: appends that ignore known ids, pages in (at, id) order, and queries. */
@JdbcRepository(dialect = Dialect.ANSI, dataSource = JdbcContext.DATA_SOURCE)
@Requires(property = JdbcContext.MARKER)
interface AuditRepository extends GenericRepository<AuditRow, String> {

    String NEWEST_FIRST = " ORDER BY at DESC, id DESC LIMIT :limit";

    @Query("INSERT INTO audit_events (id, at, action, actor, target, client_ip, outcome, details, impersonator)"
            + " VALUES (:id, :at, :action, :actor, :target, :clientIp, :outcome, :details, :impersonator)"
            + " ON CONFLICT (id) DO NOTHING")
    int appendIfAbsent(String id, Instant at, String action, String actor, @Nullable String target,
                       String clientIp, String outcome, String details, @Nullable String impersonator);

    @Query("SELECT * FROM audit_events ORDER BY at, id LIMIT :limit")
    List<AuditRow> firstPage(int limit);

    @Query("SELECT * FROM audit_events WHERE (at, id) > (:at, :id) ORDER BY at, id LIMIT :limit")
    List<AuditRow> pageAfter(Instant at, String id, int limit);

    /**
     * Events newest first; a flag of 1 turns its filter off (a null parameter has no type PostgreSQL
     * can infer). {@code actionPattern} is a LIKE pattern escaped with {@code !}.
     */
    @Query("SELECT * FROM audit_events WHERE at >= :since"
            + " AND (:anyUser = 1 OR actor = :user OR target = :user OR impersonator = :user)"
            + " AND (:anyAction = 1 OR action LIKE :actionPattern ESCAPE '!')"
            + " AND (:anyOutcome = 1 OR outcome = :outcome)" + NEWEST_FIRST)
    List<AuditRow> latest(Instant since, int anyUser, String user, int anyAction, String actionPattern,
                          int anyOutcome, String outcome, int limit);
}
