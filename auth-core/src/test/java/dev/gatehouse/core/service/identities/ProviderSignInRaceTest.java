package dev.gatehouse.core.service.identities;

import static dev.gatehouse.core.service.identities.ProviderFixture.GITHUB;
import static dev.gatehouse.core.service.identities.ProviderFixture.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.ExternalIdentity;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.registration.RegistrationMode;
import dev.gatehouse.core.port.in.SignInWithProvider;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.UserStore;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two first sign-ins of one identity at once (a double click, two tabs), and a store that fails midway. */
class ProviderSignInRaceTest {

    private static final ExternalIdentity OCTOCAT = identity(GITHUB, "583231", "octocat", null, false);

    /** A user store whose first two inserts wait for each other, so both sign-ins have looked before either writes. */
    private static UserStore meetingAtInsert(UserStore users) {
        CyclicBarrier barrier = new CyclicBarrier(2);
        AtomicInteger inserts = new AtomicInteger();
        return (UserStore) Proxy.newProxyInstance(UserStore.class.getClassLoader(), new Class<?>[] {UserStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("insert") && inserts.incrementAndGet() <= 2) {
                        barrier.await(10, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(users, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void twoFirstSignInsOfOneIdentityMakeOneAccountAndOneLink() throws Exception {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        SignInWithProviderService service = f.service(meetingAtInsert(f.core.users), f.links);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<SignInWithProvider.Result> one = pool.submit(() -> service.signIn(
                    SignInWithProvider.Command.signIn(OCTOCAT, Optional.empty(), ProviderFixture.IP, "tab 1")));
            Future<SignInWithProvider.Result> two = pool.submit(() -> service.signIn(
                    SignInWithProvider.Command.signIn(OCTOCAT, Optional.empty(), ProviderFixture.IP, "tab 2")));
            SignInWithProvider.SignedIn a = assertInstanceOf(SignInWithProvider.SignedIn.class, one.get(10, TimeUnit.SECONDS));
            SignInWithProvider.SignedIn b = assertInstanceOf(SignInWithProvider.SignedIn.class, two.get(10, TimeUnit.SECONDS));

            assertEquals(a.user().username(), b.user().username(), "both tabs are in the same account");
            assertEquals(1, f.core.users.count(), "the loser's account was taken back");
            assertEquals(List.of(Username.of("octocat")), f.allLinks().stream().map(IdentityLink::username).toList());
            assertEquals(1, f.core.auditLog.all().stream().filter(e -> e.action().equals("user.register")).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenTheLinkCannotBeWrittenTheNewAccountIsTakenBack() {
        ProviderFixture f = new ProviderFixture(RegistrationMode.OPEN);
        IdentityLinkStore failing = (IdentityLinkStore) Proxy.newProxyInstance(IdentityLinkStore.class.getClassLoader(),
                new Class<?>[] {IdentityLinkStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insert")) {
                        throw new StoreException("disk full");
                    }
                    try {
                        return method.invoke(f.links, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SignInWithProviderService service = f.service(f.core.users, failing);
        assertThrows(StoreException.class, () -> service.signIn(
                SignInWithProvider.Command.signIn(OCTOCAT, Optional.empty(), ProviderFixture.IP, "test")));
        assertEquals(List.of(), f.core.users.list().stream().map(User::username).toList());
    }
}
