package dev.gatehouse.core.port.in;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Avatar;
import dev.gatehouse.core.model.accounts.Username;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets or removes a user's avatar. Users change their own; administrators anyone's. The image
 * arrives already re-encoded by the caller (core never decodes images), as one of
 * {@link Avatar#MEDIA_TYPES}, at most {@link Avatar#MAX_BYTES} long.
 */
public interface ChangeAvatar {

    /** Makes {@code image} the user's avatar; an unknown media type, an empty or too large image is {@code INVALID}. */
    Result set(Actor actor, Username username, String mediaType, byte[] image);

    /** Removes the user's avatar; having none already is not a refusal. */
    Result remove(Actor actor, Username username);

    /** What happened. */
    sealed interface Result permits Changed, Refused {
    }

    /** The user's avatar is now {@code avatar} (empty once removed). */
    record Changed(Optional<Avatar> avatar) implements Result {
        public Changed {
            Objects.requireNonNull(avatar, "avatar");
        }
    }
}
