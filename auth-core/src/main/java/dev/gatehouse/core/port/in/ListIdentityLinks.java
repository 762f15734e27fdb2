package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import java.util.List;

/** Which provider identities sign in to which accounts: one account's for itself or an administrator, all for administrators. */
public interface ListIdentityLinks {

    /** The links of {@code username}, oldest first; refused unless the actor is that user or an administrator. */
    Result listFor(Actor actor, Username username);

    /** Every link of every account, in (provider, subject) order; administrators only. */
    Result listAll(Actor actor);

    /** What happened. */
    sealed interface Result permits Listed, Refused {
    }

    /** The links. */
    record Listed(List<IdentityLink> links) implements Result {
        public Listed {
            links = List.copyOf(links);
        }
    }
}
