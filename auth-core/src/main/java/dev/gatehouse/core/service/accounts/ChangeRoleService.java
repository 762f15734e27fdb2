package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.ChangeRole;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.Refused.Reason;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Promotes users to administrator and demotes them, keeping at least one active administrator. */
public final class ChangeRoleService implements ChangeRole {

    private final UserStore users;
    private final AuditTrail audit;

    public ChangeRoleService(UserStore users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    public Result change(Actor actor, Username username, boolean admin) {
        Optional<Refused> refused = AccountRules.mustBeAdmin(actor).or(() -> actor.is(username)
                ? Optional.of(new Refused(Reason.SELF, "You cannot change your own role; ask another administrator."))
                : Optional.empty());
        if (refused.isEmpty() && !admin && username.equals(Username.ADMIN)) {
            refused = Optional.of(new Refused(Reason.NOT_ALLOWED, "The user 'admin' is always an administrator (as in"
                    + " llms.py); demote another account, or make a differently named administrator."));
        }
        if (refused.isEmpty() && !admin) {
            refused = lastAdministrator(username);
        }
        if (refused.isPresent()) {
            audit.record("user.role_change", actor, username, Outcome.REFUSED, Map.of("reason", refused.get().message()));
            return refused.get();
        }
        Optional<UserChange> change = UserChange.apply(users, username,
                current -> current.withRoles(admin ? EnumSet.of(Role.ADMIN, Role.USER) : EnumSet.of(Role.USER)));
        if (change.isEmpty()) {
            return Refused.noSuchUser(username);
        }
        String before = change.get().before().isAdmin() ? "admin" : "user";
        String after = admin ? "admin" : "user";
        boolean changed = !after.equals(before);
        if (changed) {
            audit.record("user.role_change", actor, username, Outcome.SUCCESS, Map.of("from", before, "to", after));
        }
        return new Changed(change.get().after(), changed);
    }

    /**
     * Refuses to demote {@code username} when no other active administrator would remain. The
     * store has no query by role, so everyone is read once and both questions are answered from it.
     */
    private Optional<Refused> lastAdministrator(Username username) {
        List<User> everyone = users.list();
        boolean another = everyone.stream()
                .anyMatch(u -> u.isAdmin() && u.status().isActive() && !u.username().equals(username));
        boolean isAdmin = everyone.stream().anyMatch(u -> u.username().equals(username) && u.isAdmin());
        return isAdmin && !another
                ? Optional.of(new Refused(Reason.NOT_ALLOWED, "'" + username + "' is the last active administrator;"
                        + " make someone else an administrator first."))
                : Optional.empty();
    }
}
