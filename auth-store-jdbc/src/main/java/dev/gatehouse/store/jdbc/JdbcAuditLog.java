package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.model.AuditEvent;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.out.AuditLog;
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
                e.target().map(Username::value).orElse(null), e.clientIp(), e.outcome().name(), details));
    }

    @Override
    public List<AuditEvent> page(Optional<AuditEvent> after, int limit) {
        Pages.check(limit);
        return transactions.read(() -> after.map(a -> events.pageAfter(a.at(), a.id(), limit))
                .orElseGet(() -> events.firstPage(limit)).stream().map(Rows::event).toList());
    }

    @Override
    public List<AuditEvent> query(Query query) {
        int limit = query.limit();
        return transactions.read(() -> {
            List<AuditRow> rows;
            if (query.user().isPresent() && query.since().isPresent()) {
                rows = events.latestOfSince(query.user().get().value(), query.since().get(), limit);
            } else if (query.user().isPresent()) {
                rows = events.latestOf(query.user().get().value(), limit);
            } else if (query.since().isPresent()) {
                rows = events.latestSince(query.since().get(), limit);
            } else {
                rows = events.latest(limit);
            }
            return rows.stream().map(Rows::event).toList();
        });
    }
}
