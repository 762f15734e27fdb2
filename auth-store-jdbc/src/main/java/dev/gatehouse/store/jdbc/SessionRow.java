package dev.gatehouse.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code sessions}. */
@MappedEntity("sessions")
record SessionRow(
        @Id String id,
        String tokenDigest,
        String username,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt,
        String clientIp,
        String userAgent,
        @Nullable String impersonator) {
}
