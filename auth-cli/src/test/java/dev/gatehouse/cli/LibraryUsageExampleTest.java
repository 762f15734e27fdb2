package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.accounts.AddUserService;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.sessions.SessionPolicy;
import dev.gatehouse.core.service.sessions.SignInService;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.store.json.JsonStores;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library example of docs/architecture.md, compiled and run: core + crypto + JSON store, no framework. */
class LibraryUsageExampleTest {

    @Test
    void theModulesWorkAsPlainLibraries(@TempDir Path credentials) {
        // --- as in docs/architecture.md, "Using modules as libraries" ---
        Stores stores = JsonStores.open(credentials);
        PasswordHasher hasher = PasswordHashers.standard();
        Clock clock = Clock.systemUTC();
        AuditTrail audit = new AuditTrail(stores.audit(), clock);
        TokenDigests tokens = new TokenDigests(SecureRandomSource.system(), stores.secrets());
        AddUser addUser = new AddUserService(stores.users(), stores.sessions(), hasher,
                PasswordPolicy.defaults(), audit, clock);
        SignIn signIn = new SignInService(stores.users(), stores.sessions(), hasher, tokens,
                SessionPolicy.defaults(), audit, clock);

        addUser.add(new AddUser.Command(Actor.operator(), Username.of("alice"), Password.of("correct horse battery"), false));
        SignIn.Result result = signIn.signIn(new SignIn.Command("alice", Password.of("correct horse battery"), "127.0.0.1", "my-app"));
        // --- end of example ---

        SignIn.SignedIn signedIn = assertInstanceOf(SignIn.SignedIn.class, result);
        assertEquals("alice", signedIn.user().username().value());
        assertEquals(43, signedIn.token().length());
    }
}
