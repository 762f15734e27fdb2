package dev.gatehouse.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One row of {@code secret_keys}. */
@MappedEntity("secret_keys")
record SecretKeyRow(@Id String name, byte[] keyBytes) {
}
