package dev.gatehouse.core.contract;

import static dev.gatehouse.core.contract.Samples.T0;
import static dev.gatehouse.core.contract.Samples.fullUser;
import static dev.gatehouse.core.contract.Samples.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.LastLogin;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.UserStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link UserStore} must have. A store adapter's test extends this and says
 * how to open a fresh, empty store and a second instance on the same place.
 */
public abstract class UserStoreContract {

    /** The store under test, on a fresh, empty place: the same instance throughout one test (open it in {@code @BeforeEach}). */
    protected abstract UserStore store();

    /** Another instance opened on the same place as {@link #store()}, as another process would. */
    protected abstract UserStore secondInstance();

    @Test
    void aUserReadsBackExactlyAsWritten() {
        User written = fullUser("alice");
        assertTrue(store().insert(written));
        assertEquals(Optional.of(written), store().find(Username.of("alice")));
        assertEquals(Optional.of(written), secondInstance().find(Username.of("alice")));
    }

    @Test
    void aPlainActiveUserReadsBackExactlyAsWritten() {
        User written = user("bob");
        store().insert(written);
        assertEquals(Optional.of(written), secondInstance().find(Username.of("bob")));
    }

    @Test
    void anUnknownUserIsEmpty() {
        assertEquals(Optional.empty(), store().find(Username.of("nobody")));
    }

    @Test
    void insertingATakenNameChangesNothing() {
        store().insert(user("alice"));
        assertFalse(store().insert(fullUser("alice")));
        assertEquals(Optional.of(user("alice")), store().find(Username.of("alice")));
    }

    @Test
    void namesAreCaseSensitive() {
        assertTrue(store().insert(user("alice")));
        assertTrue(store().insert(user("Alice")));
        assertEquals(2, store().count());
    }

    @Test
    void listingIsOldestFirstThenByName() {
        store().insert(User.create(Username.of("carol"), "h", java.util.Set.of(), T0.plusSeconds(5)));
        store().insert(User.create(Username.of("bob"), "h", java.util.Set.of(), T0));
        store().insert(User.create(Username.of("alice"), "h", java.util.Set.of(), T0));
        List<String> names = secondInstance().list().stream().map(u -> u.username().value()).toList();
        assertEquals(List.of("alice", "bob", "carol"), names);
        assertEquals(3, secondInstance().count());
    }

    @Test
    void pagesWalkEveryUserOnceInNameOrder() {
        for (String name : List.of("dave", "alice", "Zed", "carol", "bob")) {
            store().insert(user(name));
        }
        List<User> first = secondInstance().page(Optional.empty(), 2);
        List<User> second = secondInstance().page(Optional.of(first.get(1).username()), 2);
        List<User> third = secondInstance().page(Optional.of(second.get(1).username()), 2);
        List<String> names = java.util.stream.Stream.of(first, second, third).flatMap(List::stream)
                .map(u -> u.username().value()).toList();
        assertEquals(List.of("Zed", "alice", "bob", "carol", "dave"), names);
        assertEquals(List.of(), secondInstance().page(Optional.of(Username.of("dave")), 2));
    }

    @Test
    void pagesFollowCodePointOrderOneByOne() {
        // U+FF58 sorts before the emoji U+1F600 by code point, after it by UTF-16 unit.
        for (String name : List.of("\uFF58x", "\uD83D\uDE00x", "abc")) {
            store().insert(user(name));
        }
        List<String> walked = new java.util.ArrayList<>();
        Optional<Username> after = Optional.empty();
        for (List<User> page = store().page(after, 1); !page.isEmpty(); page = store().page(after, 1)) {
            walked.add(page.get(0).username().value());
            after = Optional.of(page.get(0).username());
        }
        assertEquals(List.of("abc", "\uFF58x", "\uD83D\uDE00x"), walked);
    }

    @Test
    void anUpdateIsVisibleToAnotherInstance() {
        store().insert(user("alice"));
        Optional<User> updated = store().update(Username.of("alice"),
                u -> u.withStatus(UserStatus.locked("Account suspended", T0)));
        assertTrue(updated.orElseThrow().status().isLocked());
        assertEquals(updated, secondInstance().find(Username.of("alice")));
    }

    @Test
    void updatingAMissingUserChangesNothing() {
        assertEquals(Optional.empty(), store().update(Username.of("ghost"), u -> u));
        assertEquals(0, store().count());
    }

    @Test
    void deletingRemovesOnlyThatUser() {
        store().insert(user("alice"));
        store().insert(user("bob"));
        assertTrue(store().delete(Username.of("alice")));
        assertFalse(store().delete(Username.of("alice")));
        assertEquals(Optional.empty(), secondInstance().find(Username.of("alice")));
        assertTrue(secondInstance().find(Username.of("bob")).isPresent());
    }

    @Test
    void aConditionalDeleteRemovesOnlyAUserForWhomTheConditionHolds() {
        User pending = user("erin").withStatus(UserStatus.PENDING);
        store().insert(pending);
        store().insert(user("alice"));
        assertEquals(Optional.empty(), store().deleteIf(Username.of("alice"), u -> u.status() instanceof UserStatus.Pending));
        assertEquals(Optional.empty(), store().deleteIf(Username.of("ghost"), u -> true));
        assertEquals(Optional.of(pending), store().deleteIf(Username.of("erin"), u -> u.status() instanceof UserStatus.Pending));
        assertEquals(Optional.empty(), secondInstance().find(Username.of("erin")));
        assertTrue(secondInstance().find(Username.of("alice")).isPresent());
        assertEquals(1, secondInstance().count());
    }

    /** Approve and reject of one pending user at once: either the approval stands or the user is gone, never both. */
    @Test
    void aConditionalDeleteAndAnUpdateNeverBothWin() throws Exception {
        for (int round = 0; round < 10; round++) {
            Username name = Username.of("pending" + round);
            store().insert(user(name.value()).withStatus(UserStatus.PENDING));
            List<Optional<User>> results = Concurrently.run(2, i -> i == 0
                    ? store().update(name, u -> u.status() instanceof UserStatus.Pending ? u.withStatus(UserStatus.ACTIVE) : u)
                    : secondInstance().deleteIf(name, u -> u.status() instanceof UserStatus.Pending));
            boolean approved = results.get(0).map(u -> u.status() instanceof UserStatus.Active).orElse(false);
            boolean deleted = results.get(1).isPresent();
            assertTrue(approved != deleted, "round " + round + ": approved " + approved + ", deleted " + deleted);
            assertEquals(approved, store().find(name).isPresent(), "round " + round);
        }
    }

    @Test
    void ofConcurrentInsertsOfOneNameExactlyOneWins() throws Exception {
        List<Boolean> results = Concurrently.run(8, i -> (i % 2 == 0 ? store() : secondInstance()).insert(user("race")));
        assertEquals(1, results.stream().filter(Boolean::booleanValue).count());
        assertEquals(1, store().count());
    }

    @Test
    void concurrentUpdatesOfDifferentUsersAreAllKept() throws Exception {
        int threads = 8;
        for (int i = 0; i < threads; i++) {
            store().insert(user("user" + i));
        }
        Concurrently.run(threads, i -> {
            UserStore instance = i % 2 == 0 ? store() : secondInstance();
            for (int round = 1; round <= 5; round++) {
                int seconds = round;
                instance.update(Username.of("user" + i),
                        u -> u.withLastLogin(new LastLogin(T0.plusSeconds(seconds), "10.0.0." + i)));
            }
            return null;
        });
        for (int i = 0; i < threads; i++) {
            LastLogin last = store().find(Username.of("user" + i)).orElseThrow().lastLogin().orElseThrow();
            assertEquals(new LastLogin(T0.plusSeconds(5), "10.0.0." + i), last, "user" + i);
        }
    }

    @Test
    void concurrentUpdatesOfOneUserAreAllApplied() throws Exception {
        store().insert(user("busy").withLastLogin(new LastLogin(T0, "")));
        Concurrently.run(8, i -> {
            UserStore instance = i % 2 == 0 ? store() : secondInstance();
            for (int round = 0; round < 5; round++) {
                instance.update(Username.of("busy"), u -> u.withLastLogin(
                        new LastLogin(T0, u.lastLogin().orElseThrow().clientIp() + "x")));
            }
            return null;
        });
        assertEquals("x".repeat(40), store().find(Username.of("busy")).orElseThrow().lastLogin().orElseThrow().clientIp());
    }

    @Test
    void concurrentInsertsOfDifferentUsersAreAllKept() throws Exception {
        Concurrently.run(8, i -> {
            UserStore instance = i % 2 == 0 ? store() : secondInstance();
            for (int n = 0; n < 5; n++) {
                instance.insert(user("t" + i + "-" + n));
            }
            return null;
        });
        assertEquals(40, secondInstance().count());
    }

    @Test
    void anEmailAddressAndAPendingStatusReadBackAndCanChange() {
        User pending = user("erin").withStatus(UserStatus.PENDING).withEmail(Optional.of("Erin.O@Example.org"));
        assertTrue(store().insert(pending));
        assertEquals(Optional.of(pending), secondInstance().find(pending.username()));
        assertEquals(Optional.of("Erin.O@example.org"), secondInstance().find(pending.username()).orElseThrow().email());
        User approved = secondInstance().update(pending.username(), u -> u.withStatus(UserStatus.ACTIVE)
                .withEmail(Optional.empty())).orElseThrow();
        assertEquals(Optional.of(approved), store().find(pending.username()));
    }
}
