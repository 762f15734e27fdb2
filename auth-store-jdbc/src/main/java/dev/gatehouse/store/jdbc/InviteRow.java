package dev.gatehouse.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code invites}: an {@code Invite} without its uses, which are rows of {@code invite_uses}. */
@MappedEntity("invites")
record InviteRow(
        @Id String id,
        String digest,
        String displayPrefix,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        int maxUses,
        int useCount,
        @Nullable String email,
        @Nullable Instant revokedAt) {
}
