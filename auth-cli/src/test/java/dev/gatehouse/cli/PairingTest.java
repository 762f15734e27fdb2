package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.KeyPolicy;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairing key {@code gatehouse serve} prints: whose it is, what it is called, that it works and is audited. */
class PairingTest {

    @TempDir
    Path home;

    @Test
    void theFirstAdministratorGetsAFreshNamedKeyCarriedInTheLinksFragment() throws Exception {
        TestCli cli = new TestCli(home);
        cli.addUser("alice");             // the first user: an administrator
        cli.clock = java.time.Clock.offset(cli.clock, java.time.Duration.ofMinutes(1));
        cli.addUser("admin");             // an administrator too, but newer (and first by name)
        cli.addUser("bob");

        Pairing.Link link;
        try (Stores stores = cli.openStore()) {
            Pairing pairing = new Pairing(stores, KeyPolicy.defaults(), cli.clock);
            Username owner = pairing.owner(Optional.empty()).orElseThrow();
            link = pairing.link(owner, "http://192.0.2.10:8000");
        }

        assertEquals(Username.of("alice"), link.owner());
        assertEquals("pairing-2025-03-15", link.keyName());
        assertTrue(link.url().matches("http://192\\.0\\.2\\.10:8000/#token=gate_[0-9A-Za-z]{49}"), link.url());
        String key = link.url().substring(link.url().indexOf("#token=") + "#token=".length());
        assertEquals(Optional.of("alice"), cli.keyOwner(key));
        String listed = cli.run("token", "list", "--user", "alice").out();
        assertTrue(listed.contains(link.keyId()) && listed.contains("pairing-2025-03-15"), listed);
        try (Stores stores = cli.openStore()) {
            assertTrue(stores.audit().page(Optional.empty(), 100).stream().anyMatch(e -> e.action().equals("api_key.mint")
                    && link.keyId().equals(e.details().get("key"))), "minting the pairing key is audited");
        }
    }

    @Test
    void aNamedOwnerGetsTheKeyAndANameThatIsNoActiveUserIsAUsageError() {
        TestCli cli = new TestCli(home);
        cli.addUser("admin");
        cli.addUser("bob");
        cli.addUser("carol");
        cli.run("user", "lock", "carol");

        try (Stores stores = cli.openStore()) {
            Pairing pairing = new Pairing(stores, KeyPolicy.defaults(), cli.clock);
            assertEquals(Optional.of(Username.of("bob")), pairing.owner(Optional.of(Username.of("bob"))));
            UsageException ghost = assertThrows(UsageException.class, () -> pairing.owner(Optional.of(Username.of("ghost"))));
            assertTrue(ghost.getMessage().contains("there is no user 'ghost'"), ghost.getMessage());
            UsageException locked = assertThrows(UsageException.class, () -> pairing.owner(Optional.of(Username.of("carol"))));
            assertTrue(locked.getMessage().contains("'carol' is locked"), locked.getMessage());
        }
    }

    @Test
    void withoutAnAdministratorThereIsNothingToPair() {
        TestCli cli = new TestCli(home);
        try (Stores stores = cli.openStore()) {
            assertEquals(Optional.empty(), new Pairing(stores, KeyPolicy.defaults(), cli.clock).owner(Optional.empty()));
        }
    }

    @Test
    void aContradictionOrAnUnknownOwnerStopsServeBeforeItStarts() {
        TestCli cli = new TestCli(home);
        cli.addUser("admin");

        TestCli.Run both = cli.run("serve", "--port", "0", "--no-qr", "--qr-owner", "admin");
        TestCli.Run ghost = cli.run("serve", "--port", "0", "--qr-owner", "ghost");

        assertEquals(ExitCodes.USAGE, both.exitCode(), both::toString);
        assertTrue(both.err().contains("--qr-owner and --no-qr"), both::toString);
        assertEquals(ExitCodes.USAGE, ghost.exitCode(), ghost::toString);
        assertTrue(ghost.err().contains("there is no user 'ghost'"), ghost::toString);
    }
}
