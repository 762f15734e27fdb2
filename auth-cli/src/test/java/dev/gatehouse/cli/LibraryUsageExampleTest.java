package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.store.json.JsonStores;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library example of docs/architecture.md, compiled and run: core + crypto + JSON store, no framework, every use case from core's UseCases. */
class LibraryUsageExampleTest {

    @Test
    void theModulesWorkAsPlainLibraries(@TempDir Path credentials) {
        // --- as in docs/architecture.md, "Using modules as libraries" ---
        Stores stores = JsonStores.open(credentials);
        UseCases gatehouse = new UseCases(stores, PasswordHashers.standard(), Clock.systemUTC(),
                UseCases.Settings.defaults());

        gatehouse.addUser().add(new AddUser.Command(Actor.operator(), Username.of("alice"),
                Password.of("correct horse battery"), false));
        SignIn.Result result = gatehouse.signIn().signIn(new SignIn.Command("alice",
                Password.of("correct horse battery"), "127.0.0.1", "my-app"));
        // --- end of example ---

        SignIn.SignedIn signedIn = assertInstanceOf(SignIn.SignedIn.class, result);
        assertEquals("alice", signedIn.user().username().value());
        assertEquals(43, signedIn.token().length());
    }
}
