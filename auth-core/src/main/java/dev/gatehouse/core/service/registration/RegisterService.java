package dev.gatehouse.core.service.registration;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.EmailAddress;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.registration.Invite;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registration as the operator's {@link RegistrationRules} allow. Every attempt counts against the
 * client address ({@link RegistrationRules#throttle}), so names and invite codes cannot be tried
 * in bulk. With an invite, the account is inserted first and the use recorded after: if another
 * registration took the last use meanwhile, the account is removed again and the attempt declined.
 */
public final class RegisterService implements Register {

    private final UserStore users;
    private final SessionStore sessions;
    private final InviteStore invites;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final TokenDigests digests;
    private final RegistrationRules rules;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;

    public RegisterService(UserStore users, SessionStore sessions, InviteStore invites, PasswordHasher hasher,
                           PasswordPolicy policy, TokenDigests digests, RegistrationRules rules,
                           SignInThrottle throttle, AuditTrail audit, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.invites = invites;
        this.hasher = hasher;
        this.policy = policy;
        this.digests = digests;
        this.rules = rules;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public RegistrationMode mode() {
        return rules.mode();
    }

    @Override
    public Result register(Command command) {
        String ip = command.clientIp();
        Optional<Duration> wait = throttle.reserve(ip, ip);
        if (wait.isPresent()) {
            return declinedAudit(new Throttled(wait.get()), command, "throttled", Optional.empty());
        }
        throttle.failed(ip, ip);
        if (rules.mode() == RegistrationMode.CLOSED) {
            return declined(command, Why.CLOSED, "Registration is closed; ask an administrator to create an account"
                    + " for you.", Optional.empty());
        }
        Username name;
        Optional<String> email;
        try {
            name = Username.of(command.username());
            email = command.email().map(EmailAddress::normalise);
        } catch (IllegalArgumentException invalid) {
            return declined(command, Why.INVALID, invalid.getMessage(), Optional.empty());
        }
        Optional<String> weak = policy.problemWith(command.password(), name);
        if (weak.isPresent()) {
            return declined(command, Why.WEAK_PASSWORD, weak.get(), Optional.empty());
        }
        Optional<Invite> invite = Optional.empty();
        if (command.inviteCode().isPresent()) {
            InviteCheck check = InviteCheck.of(invites, digests, command.inviteCode().get(), email, clock.instant());
            if (check.problem().isPresent()) {
                Declined problem = check.problem().get();
                return declined(command, problem.why(), problem.message(), check.invite());
            }
            invite = check.invite();
        } else if (rules.mode() == RegistrationMode.INVITE) {
            return declined(command, Why.INVITE_REQUIRED, "Registration needs an invite. Open the invite link an"
                    + " administrator sent you, or paste its code.", Optional.empty());
        }
        if (users.find(name).isPresent()) {
            return taken(command, name, invite);
        }
        return create(command, name, email, invite);
    }

    private Result create(Command command, Username name, Optional<String> email, Optional<Invite> invite) {
        // An invite bound to an address proves it: its link reached that mailbox.
        boolean verified = command.emailVerified() || invite.flatMap(Invite::email).isPresent();
        boolean admin = rules.makesAdmin(email, verified);
        boolean pending = rules.mode() == RegistrationMode.APPROVAL && invite.isEmpty() && !admin;
        Instant now = clock.instant();
        User user = new User(name, Optional.of(hasher.hash(command.password())),
                admin ? EnumSet.of(Role.ADMIN, Role.USER) : EnumSet.of(Role.USER),
                pending ? UserStatus.PENDING : UserStatus.ACTIVE, now, Optional.empty(), email);
        if (!users.insert(user)) {
            return taken(command, name, invite);
        }
        if (invite.isPresent() && invites.recordUse(invite.get().id(), new Invite.Use(name, now)).isEmpty()) {
            users.delete(name);
            return declined(command, Why.INVITE_USED_UP, "That invite was used up a moment ago by someone else;"
                    + " ask for a new one.", invite);
        }
        sessions.deleteByUser(name); // sessions of an earlier account of this name must not carry over
        Actor actor = Actor.anonymous(command.clientIp());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("mode", rules.mode().label());
        details.put("pending", Boolean.toString(pending));
        details.put("admin", Boolean.toString(admin));
        invite.ifPresent(i -> details.put("invite", i.id().value()));
        audit.record("user.register", actor, name, Outcome.SUCCESS, details);
        invite.ifPresent(i -> audit.record("invite.use", actor, name, Outcome.SUCCESS, Map.of("invite", i.id().value())));
        return new Registered(user, pending);
    }

    private Result taken(Command command, Username name, Optional<Invite> invite) {
        return declined(command, Why.USERNAME_TAKEN, "The username '" + name + "' is taken; choose another.", invite);
    }

    private Result declined(Command command, Why why, String message, Optional<Invite> invite) {
        return declinedAudit(new Declined(why, message), command, why.name().toLowerCase(java.util.Locale.ROOT), invite);
    }

    /** Refusals are audited without the name typed: it may be a password typed into the wrong field. */
    private Result declinedAudit(Result result, Command command, String reason, Optional<Invite> invite) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("mode", rules.mode().label());
        details.put("reason", reason);
        invite.ifPresent(i -> details.put("invite", i.id().value()));
        audit.record("user.register", Actor.anonymous(command.clientIp()), null, Outcome.REFUSED, details);
        return result;
    }
}
