package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import java.util.List;

/** Which provider identities sign in to which accounts, all of them, for administrators (one account's: {@link ListSignInMethods}). */
public interface ListIdentityLinks {

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
