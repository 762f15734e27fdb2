package dev.gatehouse.store.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One row of {@code user_permissions}. */
@MappedEntity("user_permissions")
record PermissionRow(@Id String username, String features, @Nullable String models) {
}
