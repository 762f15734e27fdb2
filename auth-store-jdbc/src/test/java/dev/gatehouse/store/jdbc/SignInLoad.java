package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.LastLogin;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.out.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many threads signing in at once through two store instances on one database: each round
 * updates a user's last login, saves a session and looks it up by its digest, as a sign-in
 * does. Users are shared between threads, so updates of one user race; each update moves the
 * last-login time on by exactly one millisecond, so a lost update shows as a missing millisecond.
 */
final class SignInLoad {

    static final Instant T0 = Samples.T0;

    private SignInLoad() {
    }

    /** Runs the load for {@code duration} and checks every write is there; returns the number of sign-ins. */
    static int run(Stores first, Stores second, int threads, int users, Duration duration) throws Exception {
        for (int u = 0; u < users; u++) {
            first.users().insert(User.create(Username.of("user" + u), "h", java.util.Set.of(), T0));
        }
        Map<String, AtomicInteger> updatesPerUser = new ConcurrentHashMap<>();
        Map<String, List<Session>> savedPerUser = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                Stores stores = thread % 2 == 0 ? first : second;
                start.await();
                int rounds = 0;
                while (System.nanoTime() < deadline) {
                    String name = "user" + ((thread + rounds) % users);
                    signIn(stores, Username.of(name), thread);
                    updatesPerUser.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    rounds++;
                }
                return rounds;
            }));
        }
        start.countDown();
        int total = 0;
        try {
            for (Future<Integer> result : results) {
                total += result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int u = 0; u < users; u++) {
            String name = "user" + u;
            int updates = updatesPerUser.getOrDefault(name, new AtomicInteger()).get();
            LastLogin last = second.users().find(Username.of(name)).orElseThrow().lastLogin()
                    .orElse(new LastLogin(T0, ""));
            assertEquals(T0.plusMillis(updates), last.at(), name + ": " + updates + " updates, a lost update leaves a gap");
            assertEquals(updates, first.sessions().listByUser(Username.of(name)).size(), name + "'s sessions");
        }
        assertTrue(total > 0, "no sign-in finished");
        return total;
    }

    private static void signIn(Stores stores, Username name, int thread) {
        stores.users().update(name, u -> u.withLastLogin(new LastLogin(
                u.lastLogin().map(LastLogin::at).orElse(T0).plusMillis(1), "10.0.0." + thread)));
        Session session = Samples.session(name.value(), T0);
        stores.sessions().save(session);
        if (stores.sessions().findByTokenDigest(session.tokenDigest()).isEmpty()) {
            throw new AssertionError("a saved session was not found at once: " + session.id());
        }
    }
}
