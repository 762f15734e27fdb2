package dev.gatehouse.core.service.accounts;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.audit.AuditEvent.Outcome;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.SetUp;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/**
 * The first administrator, for the holder of the setup code. The account is only ever inserted,
 * never updated: if the CLI made an account of the same name meanwhile, setup stops rather than
 * replacing its password. Wrong codes count towards the sign-in throttle of the address.
 */
public final class SetUpService implements SetUp {

    /** The throttle's account key for setup attempts; no username can contain a NUL. */
    static final String THROTTLE_KEY = "\u0000setup";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SignIn signIn;
    private final AuditTrail audit;
    private final Clock clock;
    private final SetupCode code;
    private final SignInThrottle throttle;

    public SetUpService(UserStore users, PasswordHasher hasher, PasswordPolicy policy, SignIn signIn,
                        AuditTrail audit, Clock clock, SetupCode code, SignInThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.signIn = signIn;
        this.audit = audit;
        this.clock = clock;
        this.code = code;
        this.throttle = throttle;
    }

    @Override
    public boolean needed() {
        return users.count() == 0;
    }

    @Override
    public Result setUp(Command command) {
        Actor actor = Actor.setup(command.clientIp());
        if (!needed()) {
            return new AlreadyDone();
        }
        Optional<Duration> wait = throttle.reserve(THROTTLE_KEY, command.clientIp());
        if (wait.isPresent()) {
            return new Throttled(wait.get());
        }
        boolean matches = false;
        try {
            matches = code.matches(command.code());
        } finally {
            if (matches) {
                throttle.released(THROTTLE_KEY, command.clientIp()); // the sign-in below takes its own slot
            } else {
                throttle.failed(THROTTLE_KEY, command.clientIp());
            }
        }
        if (!matches) {
            audit.record("setup", actor, null, Outcome.FAILURE, Map.of("reason", "wrong setup code"));
            return new WrongCode();
        }
        Optional<String> weak = policy.problemWith(command.password(), command.username());
        if (weak.isPresent()) {
            return new Refused(Refused.Reason.WEAK_PASSWORD, weak.get());
        }
        User admin = User.create(command.username(), hasher.hash(command.password()),
                EnumSet.of(Role.ADMIN, Role.USER), clock.instant());
        if (!users.insert(admin)) {
            return new AlreadyDone();
        }
        code.spend();
        audit.record("setup", actor, admin.username(), Outcome.SUCCESS, Map.of("admin", "true"));
        SignIn.Result signedIn = signIn.signIn(new SignIn.Command(command.username().value(), command.password(),
                command.clientIp(), command.userAgent()));
        if (signedIn instanceof SignIn.SignedIn done) {
            return new Done(done);
        }
        // Only a lock or removal by someone else in the last milliseconds gets here.
        return new AlreadyDone();
    }
}
