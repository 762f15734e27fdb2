package dev.gatehouse.core.service.registration;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.InviteId;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RevokeInvite;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Revokes invites that still have registrations left; a used-up invite has nothing to revoke. */
public final class RevokeInviteService implements RevokeInvite {

    private final InviteStore invites;
    private final AuditTrail audit;
    private final Clock clock;

    public RevokeInviteService(InviteStore invites, AuditTrail audit, Clock clock) {
        this.invites = invites;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result revoke(Actor actor, InviteId id) {
        Optional<Refused> notAdmin = AccountRules.mustBeAdmin(actor);
        if (notAdmin.isPresent()) {
            return notAdmin.get();
        }
        Optional<Invite> current = invites.find(id);
        if (current.isEmpty()) {
            return Refused.noSuchInvite(id);
        }
        if (current.get().status(clock.instant()) == Invite.Status.USED_UP) {
            audit.record("invite.revoke", actor, null, Outcome.REFUSED, Map.of("invite", id.value(), "reason", "used up"));
            return new Refused(Refused.Reason.INVALID, "The invite '" + id + "' has been used up; there is nothing"
                    + " left to revoke. To remove an account made with it, delete that user.");
        }
        Optional<Invite> revoked = invites.revoke(id, clock.instant());
        if (revoked.isEmpty()) {
            return Refused.noSuchInvite(id);
        }
        audit.record("invite.revoke", actor, null, Outcome.SUCCESS, Map.of("invite", id.value()));
        return new Revoked(revoked.get());
    }
}
