package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import java.util.Objects;

/**
 * Removes a provider identity from an account: users from their own, administrators from anyone's.
 * Never the last way in: an account without a password keeps its last identity. The account and
 * its sessions stay; the identity can sign in again only as a new person (or be connected again).
 */
public interface DisconnectIdentity {

    Result disconnect(Command command);

    /** Who asks, whose account, and which identity (its provider and subject, as the listing gives them). */
    record Command(Actor actor, Username username, ProviderName provider, String subject) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** What happened. */
    sealed interface Result permits Disconnected, Refused {
    }

    /** The link is gone. */
    record Disconnected(IdentityLink link) implements Result {
        public Disconnected {
            Objects.requireNonNull(link, "link");
        }
    }
}
