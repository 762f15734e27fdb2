package dev.gatehouse.core.service.sessions;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.PasswordHasher.Verification;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.TokenDigests;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a username and password and opens a session. Every failure costs one password hash,
 * also for unknown users (a dummy hash), so timing does not tell who has an account. The
 * {@link SignInThrottle} slot is reserved before the hash, so attempts beyond the free allowance
 * are refused without one, also while earlier ones are still being checked.
 */
public final class SignInService implements SignIn {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final TokenDigests tokens;
    private final SessionOpener opener;
    private final AuditTrail audit;
    private final SignInThrottle throttle;
    private volatile String dummyHash;

    /** A sign-in without throttling: for tools and tests; servers pass a {@link SignInThrottle}. */
    public SignInService(UserStore users, SessionStore sessions, PasswordHasher hasher, TokenDigests tokens,
                         SessionPolicy policy, AuditTrail audit, Clock clock) {
        this(users, sessions, hasher, tokens, policy, audit, clock, SignInThrottle.off());
    }

    public SignInService(UserStore users, SessionStore sessions, PasswordHasher hasher, TokenDigests tokens,
                         SessionPolicy policy, AuditTrail audit, Clock clock, SignInThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.opener = new SessionOpener(users, sessions, tokens, policy, clock);
        this.audit = audit;
    }

    @Override
    public Result signIn(Command command) {
        String account = command.username().strip();
        // The slot is taken before the password is checked, so a parallel burst cannot outrun the count.
        Optional<java.time.Duration> wait = throttle.reserve(account, command.clientIp());
        if (wait.isPresent()) {
            audit.record("auth.sign_in", Actor.anonymous(command.clientIp()), parse(account).flatMap(users::find)
                    .map(User::username).orElse(null), Outcome.REFUSED, Map.of("reason", "throttled"));
            return new Throttled(wait.get());
        }
        Result result = null;
        try {
            result = check(command);
            return result;
        } finally {
            if (result instanceof SignedIn) {
                throttle.succeeded(account, command.clientIp());
            } else if (result instanceof Rejected) {
                throttle.failed(account, command.clientIp());
            } else {
                throttle.released(account, command.clientIp()); // locked, pending, or the store failed
            }
        }
    }

    private Result check(Command command) {
        Optional<User> user = parse(command.username()).flatMap(users::find);
        String stored = user.flatMap(User::passwordHash).orElseGet(this::dummyHash);
        Verification verification = hasher.verify(command.password(), stored);
        Actor actor = Actor.anonymous(command.clientIp());
        if (user.isEmpty() || user.get().passwordHash().isEmpty() || !verification.matched()) {
            // The name typed is recorded only for real accounts: a password typed into the
            // username field must not end up in the audit log.
            audit.record("auth.sign_in", actor, user.map(User::username).orElse(null), Outcome.FAILURE,
                    user.isPresent() ? Map.of("reason", "wrong password") : Map.of("reason", "unknown user"));
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

    /**
     * Opens the session, unless the account changed while the password was being checked (a
     * password reset, a lock, a removal): then the check was against a stale account and counts
     * for nothing.
     */
    private Result open(User checked, Command command, Verification verification) {
        Optional<String> rehashed = verification == Verification.MATCH_NEEDS_REHASH
                ? Optional.of(hasher.hash(command.password())) : Optional.empty();
        Optional<SessionOpener.Opened> opened = opener.open(checked.username(), current -> unchanged(checked, current),
                current -> rehashed.map(current::withPasswordHash).orElse(current), command.clientIp(),
                command.userAgent());
        if (opened.isEmpty()) {
            return staleAccount(checked, command);
        }
        User user = opened.get().user();
        Session session = opened.get().session();
        Actor actor = Actor.user(user, command.clientIp());
        audit.record("auth.sign_in", actor, checked.username(), Outcome.SUCCESS, rehashed.isPresent()
                ? Map.of("session", session.id().value(), "password_rehashed", "true")
                : Map.of("session", session.id().value()));
        return new SignedIn(user, session, opened.get().token());
    }

    private static boolean unchanged(User checked, User current) {
        return current.status().isActive() && current.passwordHash().equals(checked.passwordHash())
                && current.createdAt().equals(checked.createdAt());
    }

    private Result staleAccount(User checked, Command command) {
        audit.record("auth.sign_in", Actor.anonymous(command.clientIp()), checked.username(), Outcome.FAILURE,
                Map.of("reason", "account changed during sign-in"));
        return new Rejected();
    }

    private static Optional<Username> parse(String raw) {
        try {
            return Optional.of(Username.of(raw));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /**
     * Makes the dummy hash now instead of at the first sign-in of an unknown name, which would
     * otherwise cost two hashes and stand out. Servers call this at start; the CLI never signs in.
     */
    public void prepare() {
        dummyHash();
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
