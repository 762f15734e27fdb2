package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;

/**
 * Removes one provider identity from an account, so it no longer signs in there. The account itself
 * or an administrator may; nobody may remove an account's last way in (its only link when it has no
 * password).
 */
public interface UnlinkIdentity {

    Result unlink(Actor actor, Username username, ProviderName provider, String subject);

    /** What happened. */
    sealed interface Result permits Unlinked, Refused {
    }

    /** The link is gone; {@code link} is what it was. */
    record Unlinked(IdentityLink link) implements Result {
    }
}
