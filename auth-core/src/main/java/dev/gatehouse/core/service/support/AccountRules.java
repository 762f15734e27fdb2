package dev.gatehouse.core.service.support;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import java.util.Optional;

/** The rules about who may do what to an account, as small functions returning a refusal or nothing. */
public final class AccountRules {

    private AccountRules() {
    }

    public static Optional<Refused> mustBeAdmin(Actor actor) {
        return actor.admin() ? Optional.empty() : Optional.of(Refused.adminsOnly());
    }

    public static Optional<Refused> mayLock(Actor actor, User target) {
        if (!actor.admin()) {
            return Optional.of(Refused.adminsOnly());
        }
        if (actor.is(target.username())) {
            return Optional.of(new Refused(Reason.SELF, "You cannot lock your own account."));
        }
        if (target.isAdmin()) {
            return Optional.of(new Refused(Reason.TARGET_IS_ADMIN, "'" + target.username()
                    + "' is an administrator; administrators cannot be locked."));
        }
        return Optional.empty();
    }

    public static Optional<Refused> mayRemove(Actor actor, Username target) {
        if (!actor.admin()) {
            return Optional.of(Refused.adminsOnly());
        }
        if (actor.is(target)) {
            return Optional.of(new Refused(Reason.SELF, "You cannot delete your own account."));
        }
        return Optional.empty();
    }

    /** Users act on their own account; administrators on anyone's. */
    public static Optional<Refused> selfOrAdmin(Actor actor, Username target) {
        return actor.admin() || actor.is(target) ? Optional.empty() : Optional.of(Refused.adminsOnly());
    }
}
