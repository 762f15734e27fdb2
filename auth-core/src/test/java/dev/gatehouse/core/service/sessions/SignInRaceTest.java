package dev.gatehouse.core.service.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.testing.CoreFixture;
import dev.gatehouse.core.testing.FastTestHasher;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What happens when an administrator acts on an account while its owner's password is being
 * checked: the check was made against the old account and must not win.
 */
class SignInRaceTest {

    private final CoreFixture core = new CoreFixture();
    private final FastTestHasher real = core.hasher;
    private Runnable duringVerify = () -> { };
    private final PasswordHasher hooked = new PasswordHasher() {
        @Override
        public String hash(Password password) {
            return real.hash(password);
        }

        @Override
        public Verification verify(Password password, String storedHash) {
            Verification result = real.verify(password, storedHash);
            Runnable action = duringVerify;
            duringVerify = () -> { };
            action.run();
            return result;
        }
    };
    private final SignInService signIn = new SignInService(core.users, core.sessions, hooked, core.tokens,
            core.sessionPolicy, core.audit, core.clock);
    private static final Username BOB = Username.of("bob");

    private SignIn.Result signInBob(String password) {
        return signIn.signIn(new SignIn.Command("bob", Password.of(password), "192.0.2.9", "test"));
    }

    @Test
    void aPasswordResetDuringSignInIsNotUndoneByTheLegacyRehash() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.users.insert(User.create(BOB, real.legacyHash(Password.of("old-amber-kettle-river")), Set.of(), core.clock.instant()));
        duringVerify = () -> core.changePassword.change(new ChangePassword.Command(Actor.operator(), BOB,
                Optional.empty(), Password.of("new-amber-kettle-river"), Optional.empty()));
        assertInstanceOf(SignIn.Rejected.class, signInBob("old-amber-kettle-river"));
        assertInstanceOf(SignIn.Rejected.class, signInBob("old-amber-kettle-river"));
        assertInstanceOf(SignIn.SignedIn.class, signInBob("new-amber-kettle-river"));
    }

    @Test
    void aLockDuringSignInLeavesNoSession() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
        duringVerify = () -> core.lockUser.lock(Actor.operator(), BOB, "stop");
        assertInstanceOf(SignIn.Rejected.class, signInBob("plum-tulip-ferry-42"));
        assertTrue(core.sessions.listByUser(BOB).isEmpty());
    }

    @Test
    void aRemovalDuringSignInLeavesNoSession() {
        core.add("admin", "plum-tulip-ferry-42", false);
        core.add("bob", "plum-tulip-ferry-42", false);
        duringVerify = () -> core.removeUser.remove(Actor.operator(), BOB);
        assertInstanceOf(SignIn.Rejected.class, signInBob("plum-tulip-ferry-42"));
        assertEquals(0, core.sessions.listByUser(BOB).size());
    }
}
