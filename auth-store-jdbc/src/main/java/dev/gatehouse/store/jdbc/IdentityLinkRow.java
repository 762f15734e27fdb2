package dev.gatehouse.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code identity_links}, keyed by (provider, subject); only hand-written queries use it. */
@MappedEntity("identity_links")
record IdentityLinkRow(
        @Id String provider,
        String subject,
        String username,
        String login,
        @Nullable String email,
        Instant linkedAt,
        @Nullable Instant lastUsedAt) {
}
