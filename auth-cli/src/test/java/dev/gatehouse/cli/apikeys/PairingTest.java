package dev.gatehouse.cli.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairing key {@code gatehouse serve --pair} prints: whose it is, what it is called, how narrow and short-lived, that it works and is audited. */
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
            Pairing pairing = new Pairing(cli.useCases(stores), stores.apiKeys(), cli.clock);
            Username owner = pairing.owner(Optional.empty()).orElseThrow();
            link = pairing.link(owner, "http://192.0.2.10:8000", Pairing.DEFAULT_LIFETIME);
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
            Pairing pairing = new Pairing(cli.useCases(stores), stores.apiKeys(), cli.clock);
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
            assertEquals(Optional.empty(), new Pairing(cli.useCases(stores), stores.apiKeys(), cli.clock).owner(Optional.empty()));
        }
    }

    @Test
    void thePairingKeyMayOnlyUseModelsLivesTenMinutesAndANewPairingRevokesTheOldOne() throws Exception {
        TestCli cli = new TestCli(home);
        cli.addUser("admin");
        cli.addUser("bob");
        String bobsOwn = cli.run("token", "create", "--username", "bob", "--name", "pairing-2025-03-01").out();

        Pairing.Link first;
        Pairing.Link second;
        try (Stores stores = cli.openStore()) {
            Pairing pairing = new Pairing(cli.useCases(stores), stores.apiKeys(), cli.clock);
            first = pairing.link(Username.of("admin"), "http://127.0.0.1:8000", Pairing.DEFAULT_LIFETIME);
            second = pairing.link(Username.of("bob"), "http://127.0.0.1:8000", java.time.Duration.ofMinutes(3));
        }

        try (Stores stores = cli.openStore()) {
            var firstKey = stores.apiKeys().find(new dev.gatehouse.core.model.apikeys.ApiKeyId(first.keyId())).orElseThrow();
            var secondKey = stores.apiKeys().find(new dev.gatehouse.core.model.apikeys.ApiKeyId(second.keyId())).orElseThrow();
            assertEquals(java.util.Set.of("models:*"), secondKey.scopes(), "narrow: models only, no management");
            assertEquals(Optional.of(cli.clock.instant().plus(java.time.Duration.ofMinutes(10))), firstKey.expiresAt());
            assertEquals(Optional.of(cli.clock.instant().plus(java.time.Duration.ofMinutes(3))), secondKey.expiresAt());
            assertTrue(firstKey.isRevoked(), "the second pairing revoked the first, though another user's");
            assertTrue(!secondKey.isRevoked());
            assertTrue(stores.apiKeys().listByOwner(Username.of("bob")).stream()
                    .filter(k -> !k.id().value().equals(second.keyId())).noneMatch(k -> k.isRevoked()),
                    "a key its owner named pairing-… but that no pairing made stays: " + bobsOwn);
        }
        String key = second.url().substring(second.url().indexOf("#token=") + "#token=".length());
        assertEquals(Optional.of("bob"), cli.keyOwner(key));
        cli.clock = java.time.Clock.offset(cli.clock, java.time.Duration.ofMinutes(4));
        assertEquals(Optional.empty(), cli.keyOwner(key), "after its lifetime the key no longer works");
    }

    @Test
    void contradictionsAnOwnerWithoutPairOrAnUnknownOwnerStopServeBeforeItStarts() {
        TestCli cli = new TestCli(home);
        cli.addUser("admin");

        TestCli.Run both = cli.run("serve", "--port", "0", "--no-qr", "--pair");
        TestCli.Run ownerAlone = cli.run("serve", "--port", "0", "--qr-owner", "admin");
        TestCli.Run ghost = cli.run("serve", "--port", "0", "--pair", "--qr-owner", "ghost");
        TestCli.Run tooLong = cli.run("serve", "--port", "0", "--pair", "--pair-lifetime", "2d");

        assertEquals(ExitCodes.USAGE, both.exitCode(), both::toString);
        assertTrue(both.err().contains("--pair and --no-qr"), both::toString);
        assertEquals(ExitCodes.USAGE, ownerAlone.exitCode(), ownerAlone::toString);
        assertTrue(ownerAlone.err().contains("add --pair"), ownerAlone::toString);
        assertEquals(ExitCodes.USAGE, ghost.exitCode(), ghost::toString);
        assertTrue(ghost.err().contains("there is no user 'ghost'"), ghost::toString);
        assertEquals(ExitCodes.USAGE, tooLong.exitCode(), tooLong::toString);
        assertTrue(tooLong.err().contains("between 1m and 24h"), tooLong::toString);
    }

    @Test
    void helpExplainsPairing() {
        TestCli.Run help = new TestCli(home).run("serve", "--help");
        assertTrue(help.out().contains("--pair ") && help.out().contains("--pair-lifetime") && help.out().contains("models:*"),
                help::toString);
        assertTrue(!help.out().contains("--no-qr"), "the old switch is hidden: " + help.out());
    }
}
