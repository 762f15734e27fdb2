package dev.gatehouse.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code avatars}. */
@MappedEntity("avatars")
record AvatarRow(@Id String username, String mediaType, byte[] image, Instant updatedAt) {
}
