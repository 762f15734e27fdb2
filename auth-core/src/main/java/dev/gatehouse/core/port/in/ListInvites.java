package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.registration.Invite;
import java.util.List;

/** Administrators list every invite, newest first, with who used each. */
public interface ListInvites {

    Result list(Actor actor);

    /** What happened. */
    sealed interface Result permits Listed, Refused {
    }

    /** The invites, newest first. */
    record Listed(List<Invite> invites) implements Result {
        public Listed {
            invites = List.copyOf(invites);
        }
    }
}
