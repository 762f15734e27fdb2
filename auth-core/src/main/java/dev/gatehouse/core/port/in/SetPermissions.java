package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.EffectiveRights;
import dev.gatehouse.core.model.rights.ModelAccess;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Administrators turn features on or off for a user, back to the operator's default, and set
 * which models the user may use. Audited as {@code user.permissions} with the settings before and
 * after.
 */
public interface SetPermissions {

    Result set(Command command);

    /**
     * {@code features}: on or off for each named feature; {@code toDefault}: features that follow
     * the default again; with {@code replaceFeatures} every feature not named in {@code features}
     * follows its default. {@code models}, when present, replaces the allowed models.
     */
    record Command(Actor actor, Username username, Map<String, Boolean> features, Set<String> toDefault,
                   boolean replaceFeatures, Optional<ModelAccess> models) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(username, "username");
            features = Map.copyOf(features);
            toDefault = Set.copyOf(toDefault);
            Objects.requireNonNull(models, "models");
        }
    }

    /** What happened. */
    sealed interface Result permits Changed, Refused {
    }

    /** The user's rights now. */
    record Changed(EffectiveRights rights) implements Result {
    }
}
