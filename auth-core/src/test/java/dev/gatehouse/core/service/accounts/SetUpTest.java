package dev.gatehouse.core.service.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.SetUp;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.sessions.SignInService;
import dev.gatehouse.core.service.sessions.SignInThrottle;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.core.testing.FastTestHasher;
import dev.gatehouse.core.testing.InMemoryAuditLog;
import dev.gatehouse.core.testing.InMemorySecretKeyStore;
import dev.gatehouse.core.testing.InMemorySessionStore;
import dev.gatehouse.core.testing.InMemoryUserStore;
import dev.gatehouse.core.testing.MutableClock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SetUpTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final FastTestHasher hasher = new FastTestHasher();
    private final AuditTrail audit = new AuditTrail(auditLog, clock);
    private final SignInThrottle throttle = SignInThrottle.defaults(clock);
    private final SetupCode code = SetupCode.random(SecureRandomSource.system());
    private final SetUpService setUp = new SetUpService(users, hasher, PasswordPolicy.defaults(),
            new SignInService(users, sessions, hasher, new TokenDigests(SecureRandomSource.system(),
                    new InMemorySecretKeyStore()), SessionPolicy.defaults(), audit, clock, throttle),
            audit, clock, code, throttle);

    private SetUp.Result setUp(String typedCode, String name, String password) {
        return setUp.setUp(new SetUp.Command(typedCode, Username.of(name), Password.of(password), "192.0.2.9", "test"));
    }

    @Test
    void theRightCodeMakesTheFirstAdministratorAndSignsThemIn() {
        assertTrue(setUp.needed());
        SetUp.Done done = assertInstanceOf(SetUp.Done.class, setUp(code.display(), "root", "correct horse battery"));
        assertEquals(EnumSet.of(Role.ADMIN, Role.USER), done.signedIn().user().roles());
        assertTrue(sessions.find(done.signedIn().session().id()).isPresent());
        assertFalse(setUp.needed());
        assertTrue(auditLog.page(Optional.empty(), 10).stream().anyMatch(e -> e.action().equals("setup")
                && e.outcome() == AuditEvent.Outcome.SUCCESS && e.actor().equals("setup")));
    }

    @Test
    void theCodeIsForgivingAboutCaseDashesAndLookalikeLetters() {
        String typed = code.display().toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
        assertInstanceOf(SetUp.Done.class, setUp(typed, "admin", "correct horse battery"));
    }

    @Test
    void aWrongCodeCreatesNobody() {
        String wrong = code.display().startsWith("0") ? "1" + code.display().substring(1) : "0" + code.display().substring(1);
        assertInstanceOf(SetUp.WrongCode.class, setUp(wrong, "admin", "correct horse battery"));
        assertInstanceOf(SetUp.WrongCode.class, setUp("", "admin", "correct horse battery"));
        assertEquals(0, users.count());
    }

    @Test
    void wrongCodesAreThrottled() {
        for (int i = 0; i < 5; i++) {
            setUp("AAAA-AAAA-AAAA-AAAA", "admin", "correct horse battery");
        }
        assertInstanceOf(SetUp.Throttled.class, setUp(code.display(), "admin", "correct horse battery"));
    }

    @Test
    void onceAnyoneExistsSetupIsOverAndTheCodeIsUseless() {
        users.insert(User.create(Username.of("admin"), hasher.hash(Password.of("made by the cli")),
                EnumSet.of(Role.ADMIN, Role.USER), clock.instant()));
        assertInstanceOf(SetUp.AlreadyDone.class, setUp(code.display(), "admin", "correct horse battery"));
        assertTrue(hasher.verify(Password.of("made by the cli"), users.find(Username.of("admin")).orElseThrow()
                .passwordHash().orElseThrow()).matched(), "the CLI's password is untouched");
    }

    @Test
    void aWeakPasswordIsRefusedAndTheCodeStillWorksAfter() {
        Refused refused = assertInstanceOf(Refused.class, setUp(code.display(), "admin", "short"));
        assertEquals(Refused.Reason.WEAK_PASSWORD, refused.reason());
        assertInstanceOf(SetUp.Done.class, setUp(code.display(), "admin", "correct horse battery"));
    }

    @Test
    void codesAreSixteenCharactersOfEightyRandomBits() {
        SetupCode other = SetupCode.random(SecureRandomSource.system());
        assertTrue(code.display().matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), code.display());
        assertNotEquals(code.display(), other.display());
        assertFalse(other.matches(code.display()));
    }
}
