package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.EffectiveRights;
import dev.gatehouse.core.model.rights.FeatureCatalog;
import dev.gatehouse.core.model.rights.Permissions;

/** A user's rights after the defaults, and their own settings: for themselves and for administrators. */
public interface ReadPermissions {

    Result read(Actor actor, Username username);

    /** The operator's features and their defaults. */
    FeatureCatalog catalog();

    /** What happened. */
    sealed interface Result permits Rights, Refused {
    }

    /** What the user may use ({@code effective}) and what is set for them ({@code settings}). */
    record Rights(EffectiveRights effective, Permissions settings) implements Result {
    }
}
