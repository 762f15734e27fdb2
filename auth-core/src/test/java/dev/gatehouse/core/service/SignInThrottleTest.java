package dev.gatehouse.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.AuditEvent;
import dev.gatehouse.core.model.Password;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.testing.FastTestHasher;
import dev.gatehouse.core.testing.InMemoryAuditLog;
import dev.gatehouse.core.testing.InMemorySecretKeyStore;
import dev.gatehouse.core.testing.InMemorySessionStore;
import dev.gatehouse.core.testing.InMemoryUserStore;
import dev.gatehouse.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final String HOME = "198.51.100.7";
    private static final String ATTACKER = "203.0.113.66";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemorySessionStore sessions = new InMemorySessionStore();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final FastTestHasher hasher = new FastTestHasher();
    private final AuditTrail audit = new AuditTrail(auditLog, clock);
    private final SignInThrottle throttle = SignInThrottle.defaults(clock);
    private final SignInService signIn = new SignInService(users, sessions, hasher,
            new TokenDigests(SecureRandomSource.system(), new InMemorySecretKeyStore()), SessionPolicy.defaults(),
            audit, clock, throttle);

    @BeforeEach
    void aliceExists() {
        new AddUserService(users, sessions, hasher, PasswordPolicy.defaults(), audit, clock)
                .add(new AddUser.Command(Actor.operator(), Username.of("alice"), Password.of("correct horse battery"), false));
    }

    private SignIn.Result attempt(String password, String address) {
        return signIn.signIn(new SignIn.Command("alice", Password.of(password), address, "test"));
    }

    @Test
    void fiveWrongPasswordsAreFreeAndTheSixthWaitsOneSecond() {
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SignIn.Rejected.class, attempt("wrong", ATTACKER));
        }
        SignIn.Throttled throttled = assertInstanceOf(SignIn.Throttled.class, attempt("wrong", ATTACKER));
        assertEquals(Duration.ofSeconds(1), throttled.retryAfter());
    }

    @Test
    void aThrottledAttemptIsRefusedBeforeAnyPasswordIsChecked() {
        for (int i = 0; i < 5; i++) {
            attempt("wrong", ATTACKER);
        }
        int checked = hasher.verifications();
        assertInstanceOf(SignIn.Throttled.class, attempt("correct horse battery", ATTACKER));
        assertEquals(checked, hasher.verifications());
        assertTrue(auditLog.page(Optional.empty(), 100).stream().anyMatch(e -> e.outcome() == AuditEvent.Outcome.REFUSED
                && "throttled".equals(e.details().get("reason"))), "throttled attempts are audited");
    }

    @Test
    void waitsDoubleWithEveryFailureAndStopAtFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            attempt("wrong", ATTACKER);
        }
        long previous = 0;
        for (int i = 0; i < 14; i++) {
            SignIn.Throttled wait = assertInstanceOf(SignIn.Throttled.class, attempt("wrong", ATTACKER));
            assertTrue(wait.retryAfter().toSeconds() >= previous, "waits never shrink");
            previous = wait.retryAfter().toSeconds();
            clock.advance(wait.retryAfter());
            assertInstanceOf(SignIn.Rejected.class, attempt("wrong", ATTACKER));
        }
        SignIn.Throttled longest = assertInstanceOf(SignIn.Throttled.class, attempt("wrong", ATTACKER));
        assertEquals(Duration.ofMinutes(15), longest.retryAfter());
    }

    @Test
    void theOwnerSigningInFromTheirUsualAddressIsNotHeldBackByAStrangersFailures() {
        assertInstanceOf(SignIn.SignedIn.class, attempt("correct horse battery", HOME));
        for (int i = 0; i < 30; i++) {
            attempt("wrong", "203.0.113." + i); // spread over many addresses
        }
        assertInstanceOf(SignIn.SignedIn.class, attempt("correct horse battery", HOME));
    }

    @Test
    void guessesSpreadOverManyAddressesHoldTheAccountBackForNewAddressesForAtMostAMinute() {
        for (int i = 0; i < 30; i++) {
            attempt("wrong", "203.0.113." + i);
        }
        SignIn.Throttled wait = assertInstanceOf(SignIn.Throttled.class, attempt("correct horse battery", "192.0.2.200"));
        assertTrue(wait.retryAfter().compareTo(Duration.ofMinutes(1)) <= 0, "the account wait is capped: " + wait);
        clock.advance(wait.retryAfter());
        assertInstanceOf(SignIn.SignedIn.class, attempt("correct horse battery", "192.0.2.200"));
    }

    @Test
    void unknownNamesAreThrottledExactlyLikeRealOnes() {
        for (int i = 0; i < 5; i++) {
            signIn.signIn(new SignIn.Command("nobody", Password.of("x"), ATTACKER, "test"));
        }
        assertInstanceOf(SignIn.Throttled.class, signIn.signIn(new SignIn.Command("nobody", Password.of("x"), ATTACKER, "test")));
    }

    @Test
    void oneAddressTryingManyAccountsIsHeldBackAfterTwenty() {
        for (int i = 0; i < 20; i++) {
            signIn.signIn(new SignIn.Command("user" + i, Password.of("x"), ATTACKER, "test"));
        }
        assertInstanceOf(SignIn.Throttled.class, attempt("correct horse battery", ATTACKER));
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        for (int i = 0; i < 5; i++) {
            attempt("wrong", ATTACKER);
        }
        clock.advance(Duration.ofMinutes(61));
        assertInstanceOf(SignIn.SignedIn.class, attempt("correct horse battery", ATTACKER));
    }

    @Test
    void aSuccessfulSignInClearsTheCountOfThatAddressForThatAccount() {
        for (int i = 0; i < 4; i++) {
            attempt("wrong", HOME);
        }
        assertInstanceOf(SignIn.SignedIn.class, attempt("correct horse battery", HOME));
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(SignIn.Rejected.class, attempt("wrong", HOME));
        }
    }
}
