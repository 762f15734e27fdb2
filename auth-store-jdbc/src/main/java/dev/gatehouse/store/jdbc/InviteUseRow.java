package dev.gatehouse.store.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One row of {@code invite_uses}: who registered with an invite, and when; {@code id} is "invite/seq". */
@MappedEntity("invite_uses")
record InviteUseRow(@Id String id, String inviteId, int seq, String username, Instant usedAt) {
}
