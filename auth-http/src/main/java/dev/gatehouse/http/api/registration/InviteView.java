package dev.gatehouse.http.api.registration;

import dev.gatehouse.core.model.registration.Invite;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** What the API shows of an invite: never its code, except {@code code}/{@code link} right after creation. */
@Serdeable
record InviteView(String id, String prefix, String status, String createdBy, String created, String expires,
                  int maxUses, List<UseView> uses, @Nullable String email, @Nullable String revoked,
                  @Nullable String code, @Nullable String link) {

    /** One registration made with the invite. */
    @Serdeable
    record UseView(String username, String at) {
    }

    static InviteView of(Invite invite, Instant now) {
        return of(invite, now, null);
    }

    /** With the code and the registration link, once. */
    static InviteView of(Invite invite, Instant now, @Nullable String code) {
        return new InviteView(invite.id().value(), invite.displayPrefix(), invite.status(now).label().toLowerCase(),
                invite.createdBy(), invite.createdAt().toString(), invite.expiresAt().toString(), invite.maxUses(),
                invite.uses().stream().map(u -> new UseView(u.username().value(), u.at().toString())).toList(),
                invite.email().orElse(null), invite.revokedAt().map(Instant::toString).orElse(null), code,
                code == null ? null : link(code));
    }

    /** The path that opens the registration page with the code filled in. */
    static String link(String code) {
        return "/register?invite=" + code;
    }
}
