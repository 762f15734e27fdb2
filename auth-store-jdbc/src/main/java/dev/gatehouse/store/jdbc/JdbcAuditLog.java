package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.AuditLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit log in a table; an event whose id is already there is ignored by the database. */
final class JdbcAuditLog implements AuditLog {

    private final AuditRepository events;
    private final Transactions transactions;

    JdbcAuditLog(AuditRepository events, Transactions transactions) {
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public void append(AuditEvent e) {
        String details = DetailsJson.write(e.details());
        transactions.write(() -> events.appendIfAbsent(e.id(), e.at(), e.action(), e.actor(),
                e.target().map(Username::value).orElse(null), e.clientIp(), e.outcome().name(), details,
                e.impersonator().orElse(null)));
    }

    @Override
    public List<AuditEvent> page(Optional<AuditEvent> after, int limit) {
        Pages.check(limit);
        return transactions.read(() -> after.map(a -> events.pageAfter(a.at(), a.id(), limit))
                .orElseGet(() -> events.firstPage(limit)).stream().map(Rows::event).toList());
    }

    @Override
    public List<AuditEvent> query(Query query) {
        String user = query.user().map(Username::value).orElse("");
        String action = query.action().map(a -> a.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .orElse("");
        String outcome = query.outcome().map(Enum::name).orElse("");
        return transactions.read(() -> events.latest(query.since().orElse(Instant.EPOCH),
                        flag(query.user().isEmpty()), user, flag(query.action().isEmpty()), action,
                        flag(query.outcome().isEmpty()), outcome, query.limit())
                .stream().map(Rows::event).toList());
    }

    private static int flag(boolean off) {
        return off ? 1 : 0;
    }
}
