package dev.gatehouse.core.service.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.service.accounts.AddUserService;
import dev.gatehouse.core.service.accounts.ChangePasswordService;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.core.testing.FastTestHasher;
import dev.gatehouse.core.testing.InMemoryAuditLog;
import dev.gatehouse.core.testing.InMemorySecretKeyStore;
import dev.gatehouse.core.testing.InMemorySessionStore;
import dev.gatehouse.core.testing.InMemoryUserStore;
import dev.gatehouse.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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

    @Test
    void parallelAttemptsBeyondTheAllowanceAreRefusedWhileTheFirstAreStillBeingChecked() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        AtomicInteger checked = new AtomicInteger();
        PasswordHasher slow = new PasswordHasher() {
            @Override
            public String hash(Password password) {
                return hasher.hash(password);
            }

            @Override
            public Verification verify(Password password, String storedHash) {
                checked.incrementAndGet();
                try {
                    hold.await(10, TimeUnit.SECONDS); // every check is still running when the others arrive
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return hasher.verify(password, storedHash);
            }
        };
        SignInService held = new SignInService(users, sessions, slow,
                new TokenDigests(SecureRandomSource.system(), new InMemorySecretKeyStore()), SessionPolicy.defaults(),
                audit, clock, throttle);
        ExecutorService pool = Executors.newFixedThreadPool(60);
        try {
            List<Future<SignIn.Result>> attempts = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                attempts.add(pool.submit(() -> held.signIn(new SignIn.Command("alice", Password.of("wrong"), ATTACKER, "t"))));
            }
            long throttled = 0;
            // The 55 beyond the allowance finish while the 5 checks are still held.
            while (attempts.stream().filter(Future::isDone).count() < 55) {
                Thread.sleep(5);
            }
            assertEquals(5, checked.get(), "only the free allowance reaches the hasher");
            hold.countDown();
            for (Future<SignIn.Result> attempt : attempts) {
                if (attempt.get() instanceof SignIn.Throttled) {
                    throttled++;
                }
            }
            assertEquals(55, throttled);
            assertEquals(5, checked.get());
        } finally {
            hold.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void successfulSignInsGiveTheirSlotBackSoTheyNeverAddUp() {
        for (int i = 0; i < 30; i++) {
            assertInstanceOf(SignIn.SignedIn.class, attempt("correct horse battery", HOME), "sign-in " + i);
        }
    }

    @Test
    void aCheckThatFailsWithAnErrorGivesItsSlotBack() {
        PasswordHasher broken = new PasswordHasher() {
            @Override
            public String hash(Password password) {
                return hasher.hash(password);
            }

            @Override
            public Verification verify(Password password, String storedHash) {
                throw new IllegalStateException("the store is down");
            }
        };
        SignInService failing = new SignInService(users, sessions, broken,
                new TokenDigests(SecureRandomSource.system(), new InMemorySecretKeyStore()), SessionPolicy.defaults(),
                audit, clock, throttle);
        for (int i = 0; i < 10; i++) {
            assertThrows(IllegalStateException.class,
                    () -> failing.signIn(new SignIn.Command("alice", Password.of("wrong"), ATTACKER, "t")));
        }
        assertInstanceOf(SignIn.SignedIn.class, attempt("correct horse battery", ATTACKER), "an outage is no failure");
    }

    @Test
    void theRightPasswordOfALockedAccountGivesItsSlotBack() {
        users.update(Username.of("alice"), u -> u.withStatus(new UserStatus.Locked("holiday", Optional.empty())));
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(SignIn.AccountLocked.class, attempt("correct horse battery", ATTACKER));
        }
    }

    @Test
    void addressesInOneIpv6Slash64ShareACount() {
        for (int i = 1; i <= 5; i++) {
            assertInstanceOf(SignIn.Rejected.class, attempt("wrong", "2001:db8:1:2::" + i));
        }
        assertInstanceOf(SignIn.Throttled.class, attempt("correct horse battery", "2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertInstanceOf(SignIn.SignedIn.class, attempt("correct horse battery", "2001:db8:1:3::1"), "the next /64 is another client");
    }

    @Test
    void anIpv4MappedAddressCountsAsTheIpv4AddressItIs() {
        for (int i = 0; i < 5; i++) {
            attempt("wrong", "::ffff:" + ATTACKER);
        }
        assertInstanceOf(SignIn.Throttled.class, attempt("correct horse battery", ATTACKER));
    }

    @Test
    void theReservationIsTakenBeforeTheCheckAndHeldUntilSettled() {
        SignInThrottle bare = SignInThrottle.defaults(clock);
        for (int i = 0; i < 5; i++) {
            assertTrue(bare.reserve("alice", ATTACKER).isEmpty(), "slot " + i);
        }
        assertTrue(bare.reserve("alice", ATTACKER).isPresent(), "five in flight fill the allowance");
        clock.advance(Duration.ofMinutes(5));
        assertTrue(bare.reserve("alice", ATTACKER).isPresent(), "however long their checks take");
        bare.released("alice", ATTACKER);
        assertTrue(bare.reserve("alice", ATTACKER).isEmpty(), "a slot given back can be taken again");
        assertTrue(bare.reserve("alice", ATTACKER).isPresent());
        assertTrue(bare.reserve("bob", ATTACKER).isEmpty(), "another account from the address is not full yet");
    }

    @Test
    void wrongCurrentPasswordsOfAPasswordChangeCountLikeFailedSignInsAndTheSixthIsNotChecked() {
        ChangePasswordService change = new ChangePasswordService(users, sessions, hasher, PasswordPolicy.defaults(),
                audit, throttle);
        Actor alice = Actor.user(users.find(Username.of("alice")).orElseThrow(), ATTACKER);
        Function<String, ChangePassword.Result> attempt = current -> change.change(new ChangePassword.Command(alice,
                Username.of("alice"), Optional.of(Password.of(current)), Password.of("violet-anchor-meadow-71"),
                Optional.empty()));
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(Refused.class, attempt.apply("guess " + i));
        }
        int checked = hasher.verifications();
        ChangePassword.Throttled held = assertInstanceOf(ChangePassword.Throttled.class,
                attempt.apply("correct horse battery"));
        assertEquals(Duration.ofSeconds(1), held.retryAfter());
        assertEquals(checked, hasher.verifications(), "refused before the hash");
        assertInstanceOf(SignIn.Throttled.class, attempt("correct horse battery", ATTACKER), "one count with sign-in");
        clock.advance(held.retryAfter());
        assertInstanceOf(ChangePassword.Changed.class, attempt.apply("correct horse battery"));
    }
}
