package dev.gatehouse.core.service.sessions;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.Optional;

/** Who may act as whom, as small functions returning a refusal or nothing. */
final class ImpersonationRules {

    private ImpersonationRules() {
    }

    /** An administrator, signed in with a session of their own, not already acting as someone. */
    static Optional<Refused> mayStart(Actor actor, Optional<Session> session) {
        Optional<Refused> notAdmin = AccountRules.mustBeAdmin(actor);
        if (notAdmin.isPresent()) {
            return notAdmin;
        }
        if (actor.isImpersonated() || session.filter(Session::isImpersonation).isPresent()) {
            return Optional.of(new Refused(Reason.NOT_ALLOWED, "You are already acting as another user;"
                    + " stop impersonating before acting as someone else."));
        }
        if (session.isEmpty() || actor.username().filter(session.get().username()::equals).isEmpty()) {
            return Optional.of(new Refused(Reason.NOT_ALLOWED, "Impersonating needs an administrator signed in"
                    + " with a password in a browser; API keys cannot impersonate."));
        }
        return Optional.empty();
    }

    /** As an active user who is not an administrator (and not oneself). */
    static Optional<Refused> mayActAs(Actor actor, User target) {
        if (actor.is(target.username())) {
            return Optional.of(new Refused(Reason.SELF, "You cannot impersonate yourself."));
        }
        if (target.isAdmin()) {
            return Optional.of(new Refused(Reason.TARGET_IS_ADMIN, "'" + target.username()
                    + "' is an administrator; administrators cannot be impersonated."));
        }
        if (!target.status().isActive()) {
            return Optional.of(new Refused(Reason.INVALID, "'" + target.username() + "' is "
                    + target.status().label().toLowerCase(java.util.Locale.ROOT)
                    + "; only active users can be impersonated. Unlock or approve them first."));
        }
        return Optional.empty();
    }
}
