package dev.gatehouse.http.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.service.apikeys.ApiKeyFormat;
import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins, wrong current passwords and wrong API keys slow down with 429 and Retry-After;
 * the address counted is the real client's (an IPv6 client by its /64), and a parallel burst is
 * held to the same count as one attempt after another.
 */
class ThrottlingTest {

    private static final String HOME = "198.51.100.7";
    private static final String ATTACKER = "203.0.113.50";

    /** Sends {@code count} requests at once (all released together) and returns the answers. */
    private static List<HttpResponse<String>> burst(int count, IntFunction<HttpResponse<String>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long withStatus(List<HttpResponse<String>> answers, int status) {
        return answers.stream().filter(a -> a.statusCode() == status).count();
    }

    /** When the server checked a password and found it wrong: each is one audited sign-in failure, written after the hash. */
    private static List<Instant> passwordsChecked(RunningServer app) {
        return app.cli.audit().page(Optional.empty(), 10_000).stream()
                .filter(e -> e.action().equals("auth.sign_in") && e.outcome() == AuditEvent.Outcome.FAILURE)
                .map(AuditEvent::at).sorted().toList();
    }

    /**
     * The first {@code free} checks may come at once; each one after had to wait its turn: 1 second
     * after the one before, then 2, 4, ... (a burst slower than the first wait may see a few).
     */
    private static void assertOnlyTheAllowanceThenOneAfterEachWait(List<Instant> checked, int free) {
        for (int i = free; i < checked.size(); i++) {
            Duration gap = Duration.between(checked.get(i - 1), checked.get(i));
            Duration wait = Duration.ofSeconds(1L << Math.min(30, i - free));
            assertTrue(gap.compareTo(wait) >= 0, "check " + (i + 1) + " came " + gap.toMillis() + " ms after the one"
                    + " before, not after the " + wait.toSeconds() + " s wait; all checks: " + checked);
        }
    }

    private static HttpResponse<String> loginFrom(RunningServer app, String address, String name, String password) {
        return app.login(name, password, "X-Forwarded-For", address);
    }

    @Test
    void sixtyParallelWrongPasswordsAreCheckedAtMostFiveBeforeTheFirstWaitAndTheOwnerStillGetsIn() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("alice", "correct horse battery");
            assertEquals(200, loginFrom(app, HOME, "alice", "correct horse battery").statusCode());

            List<HttpResponse<String>> answers = burst(60, i -> loginFrom(app, ATTACKER, "alice", "wrong password " + i));

            assertEquals(60, withStatus(answers, 401) + withStatus(answers, 429), "each is refused one way or the other");
            List<Instant> checked = passwordsChecked(app);
            assertEquals(withStatus(answers, 401), checked.size(), "every 401 was a checked password, every 429 was not");
            assertOnlyTheAllowanceThenOneAfterEachWait(checked, 5);
            answers.stream().filter(a -> a.statusCode() == 429)
                    .forEach(a -> assertTrue(a.headers().firstValue("Retry-After").isPresent(), a.body()));
            assertEquals(200, loginFrom(app, HOME, "alice", "correct horse battery").statusCode(),
                    "the owner's usual address is not held back by the burst");
        }
    }

    @Test
    void sixtyParallelWrongPasswordsFromSixtyAddressesAreCheckedAtMostTenBeforeTheFirstWaitAndTheOwnerStillGetsIn() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("alice", "correct horse battery");
            assertEquals(200, loginFrom(app, HOME, "alice", "correct horse battery").statusCode());

            List<HttpResponse<String>> answers = burst(60, i -> loginFrom(app, "203.0.113." + i, "alice", "wrong"));

            assertEquals(withStatus(answers, 401), passwordsChecked(app).size());
            assertOnlyTheAllowanceThenOneAfterEachWait(passwordsChecked(app), 10);
            assertEquals(200, loginFrom(app, HOME, "alice", "correct horse battery").statusCode(),
                    "a stranger's guesses do not lock the owner out");
        }
    }

    @Test
    void addressesInOneIpv6Slash64ShareOneCountAndTheNextSlash64IsAnotherClient() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("alice", "correct horse battery");
            for (int i = 1; i <= 5; i++) {
                assertEquals(401, loginFrom(app, "2001:db8:1:2::" + i, "alice", "wrong").statusCode());
            }
            HttpResponse<String> sameClient = loginFrom(app, "2001:db8:1:2:ffff:ffff:ffff:ffff", "alice", "correct horse battery");
            assertEquals(429, sameClient.statusCode(), "a new address in the same /64 is the same client");
            assertEquals(200, loginFrom(app, "2001:db8:1:3::1", "alice", "correct horse battery").statusCode());
        }
    }

    @Test
    void theCurrentPasswordOfAPasswordChangeIsThrottledLikeASignIn() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            String session = app.signIn("alice", "correct horse battery");
            String wrong = "{\"currentPassword\":\"guess\",\"newPassword\":\"violet-anchor-meadow-71\"}";
            String right = "{\"currentPassword\":\"correct horse battery\",\"newPassword\":\"violet-anchor-meadow-71\"}";
            for (int i = 0; i < 5; i++) {
                RunningServer.assertError(403, "wrong_password", app.json("POST", "/api/me/password", wrong, session));
            }
            HttpResponse<String> sixth = app.json("POST", "/api/me/password", right, session);
            RunningServer.assertError(429, "too_many_attempts", sixth);
            assertEquals("1", sixth.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(429, app.login("alice", "correct horse battery").statusCode(),
                    "the guesses count for sign-in from that address too: one throttle, not two");
            Thread.sleep(1100);
            assertEquals(200, app.json("POST", "/api/me/password", right, session).statusCode(), "after the wait it works");
        }
    }

    @Test
    void aBurstOfWrongStaticKeysAtVerifyIsRefusedBeforeAnyLookupAndAnotherAddressIsNot() throws Exception {
        String key = "static-key-0123456789abcdef";
        try (RunningServer app = new RunningServer(s -> new ServerSettings(s.host(), s.port(), s.storeUrl(),
                List.of("127.0.0.1")).withAuth(AuthMode.APIKEY, List.of(key)))) {
            List<HttpResponse<String>> guesses = burst(40, i -> app.send(app.get("/auth/verify")
                    .header("Authorization", "Bearer static-key-guess-" + i).header("X-Forwarded-For", ATTACKER).build()));
            assertEquals(40, withStatus(guesses, 401) + withStatus(guesses, 429), "every guess is refused");
            assertTrue(withStatus(guesses, 429) > 0, "the burst runs into the throttle");

            HttpResponse<String> right = app.send(app.get("/auth/verify").header("Authorization", "Bearer " + key)
                    .header("X-Forwarded-For", ATTACKER).build());
            assertEquals(429, right.statusCode(), "the right key from the guessing address is refused too: it was not looked at");
            assertTrue(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertEquals(429, app.send(app.get("/api/me").header("x-api-key", key).header("X-Forwarded-For", ATTACKER)
                    .build()).statusCode(), "on every route, not only /auth/verify");

            assertEquals(200, app.send(app.get("/auth/verify").header("Authorization", "Bearer " + key)
                    .header("X-Forwarded-For", HOME).build()).statusCode(), "another address is not held back");
        }
    }

    @Test
    void twentyWrongStoredKeysFromOneAddressHoldBackEveryKeyFromItButNotFromOthers() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("amy", "correct horse battery");
            String amys = app.mintKey("amy").secret();
            for (int i = 0; i < 20; i++) {
                String guess = ApiKeyFormat.newKey(SecureRandomSource.system()); // well formed: looked up in the store
                assertEquals(401, app.send(app.get("/api/me").header("Authorization", "Bearer " + guess)
                        .header("X-Forwarded-For", ATTACKER).build()).statusCode(), "guess " + i);
            }
            HttpResponse<String> held = app.send(app.get("/api/me").header("Authorization", "Bearer " + amys)
                    .header("X-Forwarded-For", ATTACKER).build());
            RunningServer.assertError(429, "too_many_attempts", held);
            assertEquals("1", held.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(200, app.send(app.get("/api/me").header("Authorization", "Bearer " + amys)
                    .header("X-Forwarded-For", HOME).build()).statusCode());
            assertEquals(200, app.send(app.get("/api/me").header("Authorization", "Bearer " + amys)
                    .header("X-Forwarded-For", "2001:db8:9::1").build()).statusCode(), "nor is an IPv6 client");
        }
    }

    @Test
    void theSixthWrongPasswordIsAnsweredWith429AndRetryAfterWithoutCheckingIt() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            for (int i = 0; i < 5; i++) {
                assertEquals(401, app.login("alice", "wrong password").statusCode());
            }
            HttpResponse<String> throttled = app.login("alice", "correct horse battery");
            assertEquals(429, throttled.statusCode(), throttled.body());
            assertTrue(throttled.body().contains("\"error\":\"too_many_attempts\""), throttled.body());
            assertEquals("1", throttled.headers().firstValue("Retry-After").orElseThrow());
            Thread.sleep(1100);
            assertEquals(200, app.login("alice", "correct horse battery").statusCode(), "after the wait it works");
        }
    }

    @Test
    void behindATrustedProxyEachClientIsCountedOnItsOwn() throws Exception {
        try (RunningServer app = new RunningServer(List.of("127.0.0.1"))) {
            app.addUser("alice", "correct horse battery");
            app.addUser("bob", "correct horse battery");
            for (int i = 0; i < 25; i++) {
                app.login("user" + i, "guess", "Content-Type", "application/json", "X-Forwarded-For", "203.0.113.50");
            }
            HttpResponse<String> attacker = app.login("bob", "correct horse battery",
                    "Content-Type", "application/json", "X-Forwarded-For", "203.0.113.50");
            assertEquals(429, attacker.statusCode(), "the guessing address is held back");
            HttpResponse<String> other = app.login("alice", "correct horse battery",
                    "Content-Type", "application/json", "X-Forwarded-For", "198.51.100.20");
            assertEquals(200, other.statusCode(), "another client behind the same proxy is not");
        }
    }

    @Test
    void withoutATrustedProxyForwardedForIsIgnoredSoItCannotDodgeTheThrottle() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            for (int i = 0; i < 5; i++) {
                app.login("alice", "wrong", "Content-Type", "application/json", "X-Forwarded-For", "192.0.2." + i);
            }
            HttpResponse<String> answer = app.login("alice", "wrong", "Content-Type", "application/json",
                    "X-Forwarded-For", "192.0.2.99");
            assertEquals(429, answer.statusCode(), "a made-up X-Forwarded-For does not make a new client");
        }
    }
}
