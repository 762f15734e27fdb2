package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.InviteId;

/** Administrators revoke an invite that still has registrations left; accounts made with it stay. */
public interface RevokeInvite {

    Result revoke(Actor actor, InviteId id);

    /** What happened. */
    sealed interface Result permits Revoked, Refused {
    }

    /** The invite is revoked (it may have been already). */
    record Revoked(Invite invite) implements Result {
    }
}
