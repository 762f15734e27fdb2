package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.registration.Invite;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Administrators' invites: each with its status and who used it, and a form for new ones. */
public record InvitesPage(Shell shell, String mode, List<Row> invites) {

    /** One invite as the table shows it. */
    public record Row(String id, String prefix, String status, String email, String usedBy, int used, int maxUses,
                      String createdBy, Moment created, Moment expires, boolean revocable) {

        static Row of(Invite invite, Instant now) {
            Invite.Status status = invite.status(now);
            return new Row(invite.id().value(), invite.displayPrefix(), status.label(), invite.email().orElse(""),
                    invite.uses().stream().map(u -> u.username().value()).collect(Collectors.joining(", ")),
                    invite.uses().size(), invite.maxUses(), invite.createdBy(), Moment.of(invite.createdAt(), now),
                    Moment.of(invite.expiresAt(), now), status == Invite.Status.ACTIVE || status == Invite.Status.EXPIRED);
        }
    }
}
