package dev.gatehouse.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code api_keys}: an {@code ApiKey} flattened to columns (no digest: NULL). */
@MappedEntity("api_keys")
record ApiKeyRow(
        @Id String id,
        @Nullable String digest,
        String owner,
        String name,
        String displayPrefix,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        String scopes,
        @Nullable Instant revokedAt,
        String origin,
        @Nullable String legacyVerifier) {
}
