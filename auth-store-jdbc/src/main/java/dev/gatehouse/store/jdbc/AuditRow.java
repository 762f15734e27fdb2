package dev.gatehouse.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code audit_events}; {@code details} is a JSON object of strings. */
@MappedEntity("audit_events")
record AuditRow(
        @Id String id,
        Instant at,
        String action,
        String actor,
        @Nullable String target,
        String clientIp,
        String outcome,
        String details,
        @Nullable String impersonator) {
}
