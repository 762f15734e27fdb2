package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import java.util.List;
import java.util.Objects;

/**
 * The ways into one account: whether it has a password, and its provider identities (My Account,
 * Manage Users, {@code user show}). Users see their own; administrators anyone's.
 */
public interface ListSignInMethods {

    Result list(Actor actor, Username username);

    /** What happened. */
    sealed interface Result permits Methods, Refused {
    }

    /** {@code links} oldest first; {@code password} is false for accounts that only sign in through providers. */
    record Methods(Username username, boolean password, List<IdentityLink> links) implements Result {
        public Methods {
            Objects.requireNonNull(username, "username");
            links = List.copyOf(links);
        }

        /** How many ways in there are: the password counts as one. */
        public int count() {
            return links.size() + (password ? 1 : 0);
        }
    }
}
