package dev.gatehouse.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code users}: a {@code User} flattened to columns. */
@MappedEntity("users")
record UserRow(
        @Id String username,
        @Nullable String passwordHash,
        String roles,
        String status,
        @Nullable String lockReason,
        @Nullable Instant lockedAt,
        Instant createdAt,
        @Nullable Instant lastLoginAt,
        @Nullable String lastLoginIp,
        @Nullable String email) {
}
