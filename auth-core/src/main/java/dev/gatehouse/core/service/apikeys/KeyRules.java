package dev.gatehouse.core.service.apikeys;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import java.util.Optional;

/** Who may do what with API keys, as small functions returning a refusal or nothing. */
final class KeyRules {

    private KeyRules() {
    }

    /** Users mint for themselves; administrators and the operator for anyone. */
    static Optional<Refused> mayMintFor(Actor actor, Username owner) {
        if (actor.isImpersonated()) {
            return Optional.of(Refused.whileImpersonating("make API keys for them"));
        }
        if (actor.admin() || actor.is(owner)) {
            return Optional.empty();
        }
        return Optional.of(new Refused(Reason.NOT_ALLOWED, "Only administrators may make keys for other users;"
                + " leave the owner out to make one of your own."));
    }

    /** Owners change their keys; administrators anyone's. */
    static Optional<Refused> mayChange(Actor actor, Username owner) {
        if (actor.isImpersonated()) {
            return Optional.of(Refused.whileImpersonating("rename or revoke their API keys"));
        }
        if (actor.admin() || actor.is(owner)) {
            return Optional.empty();
        }
        return Optional.of(new Refused(Reason.NOT_ALLOWED, "That key belongs to someone else; only its owner and"
                + " administrators may change it."));
    }

    /**
     * Whose keys a listing or a revoke-all covers: the named owner, the actor's own if none is
     * named, or everyone's (empty) for an administrator naming none.
     */
    static Optional<Optional<Username>> scope(Actor actor, Optional<Username> owner) {
        if (owner.isPresent()) {
            return actor.admin() || actor.is(owner.get()) ? Optional.of(owner) : Optional.empty();
        }
        if (actor.admin()) {
            return Optional.of(Optional.empty());
        }
        return actor.username().isPresent() ? Optional.of(actor.username()) : Optional.empty();
    }

    static Refused othersKeys() {
        return new Refused(Reason.NOT_ALLOWED, "Only administrators may see or revoke other users' keys.");
    }
}
