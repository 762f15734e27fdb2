package dev.gatehouse.core.service.registration;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.port.in.ListInvites;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.Optional;

/** Lists invites for administrators. */
public final class ListInvitesService implements ListInvites {

    private final InviteStore invites;

    public ListInvitesService(InviteStore invites) {
        this.invites = invites;
    }

    @Override
    public Result list(Actor actor) {
        Optional<Refused> refused = AccountRules.mustBeAdmin(actor);
        return refused.isPresent() ? refused.get() : new Listed(invites.list());
    }
}
