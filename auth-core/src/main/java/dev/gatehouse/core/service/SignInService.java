package dev.gatehouse.core.service;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.AuditEvent.Outcome;
import dev.gatehouse.core.model.LastLogin;
import dev.gatehouse.core.model.Password;
import dev.gatehouse.core.model.Session;
import dev.gatehouse.core.model.SessionId;
import dev.gatehouse.core.model.User;
import dev.gatehouse.core.model.UserStatus;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.PasswordHasher.Verification;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password and opens a session. Every failure costs one password hash,
 * also for unknown users (a dummy hash), so timing does not tell who has an account.
 */
public final class SignInService implements SignIn {

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final TokenDigests tokens;
    private final SessionPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile String dummyHash;

    public SignInService(UserStore users, SessionStore sessions, PasswordHasher hasher, TokenDigests tokens,
                         SessionPolicy policy, AuditTrail audit, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Result signIn(Command command) {
        Optional<User> user = parse(command.username()).flatMap(users::find);
        String stored = user.flatMap(User::passwordHash).orElseGet(this::dummyHash);
        Verification verification = hasher.verify(command.password(), stored);
        Actor actor = Actor.anonymous(command.clientIp());
        if (user.isEmpty() || user.get().passwordHash().isEmpty() || !verification.matched()) {
            audit.record("auth.sign_in", actor, user.map(User::username).orElse(null), Outcome.FAILURE,
                    Map.of("username", printable(command.username())));
            return new Rejected();
        }
        User known = user.get();
        if (known.status() instanceof UserStatus.Locked locked) {
            audit.record("auth.sign_in", actor, known.username(), Outcome.REFUSED, Map.of("reason", "locked"));
            return new AccountLocked(locked.reason());
        }
        if (!known.status().isActive()) {
            audit.record("auth.sign_in", actor, known.username(), Outcome.REFUSED, Map.of("reason", "pending"));
            return new AwaitingApproval();
        }
        return open(known, command, verification);
    }

    private Result open(User user, Command command, Verification verification) {
        Instant now = clock.instant();
        Optional<String> rehashed = verification == Verification.MATCH_NEEDS_REHASH
                ? Optional.of(hasher.hash(command.password())) : Optional.empty();
        User updated = users.update(user.username(), current -> {
            User withLogin = current.withLastLogin(new LastLogin(now, command.clientIp()));
            return rehashed.map(withLogin::withPasswordHash).orElse(withLogin);
        }).orElse(user);
        String token = tokens.newToken();
        Session session = new Session(new SessionId(tokens.newId()), tokens.digest(token), user.username(),
                now, now, now.plus(policy.absoluteLifetime()), command.clientIp(), command.userAgent());
        sessions.save(session);
        Actor actor = Actor.user(updated, command.clientIp());
        audit.record("auth.sign_in", actor, user.username(), Outcome.SUCCESS, rehashed.isPresent()
                ? Map.of("session", session.id().value(), "password_rehashed", "true")
                : Map.of("session", session.id().value()));
        return new SignedIn(updated, session, token);
    }

    private static Optional<Username> parse(String raw) {
        try {
            return Optional.of(Username.of(raw));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    private static String printable(String raw) {
        String clean = raw.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > Username.MAX_LENGTH ? clean.substring(0, Username.MAX_LENGTH) + "..." : clean;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(Password.of(tokens.newToken()));
            dummyHash = hash;
        }
        return hash;
    }
}
