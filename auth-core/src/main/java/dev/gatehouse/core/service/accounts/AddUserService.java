package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.AddUser.IfExists;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.AccountRules;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Creates users, or replaces an existing user's password (llms.py's {@code --adduser}) unless told not to. */
public final class AddUserService implements AddUser {

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    public AddUserService(UserStore users, SessionStore sessions, PasswordHasher hasher,
                          PasswordPolicy policy, AuditTrail audit, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result add(Command command) {
        Optional<Refused> refused = AccountRules.mustBeAdmin(command.actor())
                .or(() -> policy.problemWith(command.password(), command.username())
                        .map(problem -> new Refused(Refused.Reason.WEAK_PASSWORD, problem)));
        if (refused.isPresent()) {
            return refused.get();
        }
        String hash = hasher.hash(command.password());
        Username name = command.username();
        // Insert-or-update can race a removal by another process; a few rounds settle it.
        for (int attempt = 0; attempt < 3; attempt++) {
            boolean admin = command.admin() || name.equals(Username.ADMIN) || users.count() == 0;
            Set<Role> roles = admin ? EnumSet.of(Role.ADMIN, Role.USER) : EnumSet.of(Role.USER);
            User created = User.create(name, hash, roles, clock.instant());
            if (users.insert(created)) {
                // Sessions left by an earlier account of this name must not carry over. Validation
                // refuses them already, but session listings go by name: the new owner would see the
                // earlier one's addresses and browsers on My Account.
                sessions.deleteByUser(name);
                audit.record("user.create", command.actor(), name, Outcome.SUCCESS,
                        Map.of("admin", Boolean.toString(admin)));
                return new Created(created);
            }
            if (command.ifExists() == IfExists.REFUSE) {
                return new Refused(Refused.Reason.EXISTS, "A user named '" + name
                        + "' exists already; choose another name, or set their password instead.");
            }
            boolean grantAdmin = command.admin() || name.equals(Username.ADMIN);
            Optional<User> updated = users.update(name, existing -> {
                User withPassword = existing.withPasswordHash(hash);
                return grantAdmin ? withPassword.withRoles(EnumSet.of(Role.ADMIN, Role.USER)) : withPassword;
            });
            if (updated.isPresent()) {
                int ended = sessions.deleteByUser(name);
                audit.record("user.password_reset", command.actor(), name, Outcome.SUCCESS,
                        Map.of("sessions_ended", Integer.toString(ended)));
                return new PasswordReplaced(updated.get(), ended);
            }
        }
        throw new StoreException("The user store neither added '" + name + "' nor found it to update,"
                + " three times; another process keeps adding and removing it, or the store compares names"
                + " differently from Gatehouse (they must be case-sensitive).");
    }
}
