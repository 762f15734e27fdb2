package dev.gatehouse.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.apikeys.ApiKeyCommandsTest;
import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.TestCli;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code gatehouse audit}: what happened, filtered by user and time, as a table or JSON lines. */
class AuditCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    /**
     * admin made on 2025-03-01 10:30, alice a minute later, alice locked on 2025-03-15 10:30
     * (TestCli.NOW) and a key minted for admin a minute after that.
     */
    private TestCli history(boolean json) {
        TestCli cli = new TestCli(home, json);
        cli.clock = Clock.fixed(TestCli.NOW.minusSeconds(14 * 86_400), ZoneOffset.UTC);
        cli.addUser("admin", "--admin");
        cli.clock = Clock.fixed(TestCli.NOW.minusSeconds(14 * 86_400 - 60), ZoneOffset.UTC);
        cli.addUser("alice");
        cli.clock = Clock.fixed(TestCli.NOW, ZoneOffset.UTC);
        assertEquals(0, cli.run("user", "lock", "alice", "--reason", "on leave").exitCode());
        cli.clock = Clock.fixed(TestCli.NOW.plusSeconds(60), ZoneOffset.UTC);
        assertEquals(0, cli.run("token", "create", "--username", "admin", "--name", "ci").exitCode());
        return cli;
    }

    @ParameterizedTest
    @EnumSource(ApiKeyCommandsTest.Store.class)
    void theTableShowsEveryEventNewestFirstWithActorTargetOutcomeAndDetails(ApiKeyCommandsTest.Store store) {
        TestCli cli = history(store == ApiKeyCommandsTest.Store.JSON);

        TestCli.Run run = cli.run("audit");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("TIME +ACTION +ACTOR +TARGET +IP +OUTCOME +DETAILS"), lines.get(0));
        assertEquals(5, lines.size(), run::toString);
        assertTrue(lines.get(1).startsWith("2025-03-15 10:31:00  api_key.mint"), lines.get(1));
        assertTrue(lines.get(2).matches("2025-03-15 10:30:00 +user\\.lock +operator +alice +local +success +.*lock_reason=on leave.*"),
                lines.get(2));
        assertTrue(lines.get(4).matches("2025-03-01 10:30:00 +user\\.create +operator +admin .*"), lines.get(4));
    }

    @Test
    void eventsAreFilteredByUserAndByADurationOrADate() {
        TestCli cli = history(false);

        List<String> alices = cli.run("audit", "--user", "alice").out().lines().skip(1).toList();
        List<String> lastWeek = cli.run("audit", "--since", "7d").out().lines().skip(1).toList();
        List<String> fromDate = cli.run("audit", "--since", "2025-03-02").out().lines().skip(1).toList();

        assertEquals(2, alices.size(), String.join("\n", alices));
        assertTrue(alices.stream().allMatch(line -> line.contains("alice")));
        assertEquals(2, lastWeek.size(), String.join("\n", lastWeek));
        assertEquals(lastWeek, fromDate);
        assertEquals("No audit events by or about 'nobody' since 1d.",
                cli.run("audit", "--user", "nobody", "--since", "1d").out().strip());
    }

    @Test
    void jsonIsOneObjectPerLineOldestFirstWithoutSecrets() throws Exception {
        TestCli cli = history(false);

        TestCli.Run run = cli.run("audit", "--json");

        assertEquals(0, run.exitCode(), run::toString);
        List<JsonNode> events = run.out().lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object: " + line, e);
            }
        }).toList();
        assertEquals(4, events.size());
        assertEquals("user.create", events.get(0).path("action").asText());
        assertEquals("admin", events.get(0).path("target").asText());
        assertEquals("2025-03-01T10:30:00Z", events.get(0).path("at").asText());
        JsonNode lock = events.get(2);
        assertEquals("user.lock", lock.path("action").asText());
        assertEquals("operator", lock.path("actor").asText());
        assertEquals("success", lock.path("outcome").asText());
        assertEquals("on leave", lock.path("details").path("lock_reason").asText());
        assertEquals("api_key.mint", events.get(3).path("action").asText());
        assertFalse(run.out().contains(TestCli.PASSWORD), "no password in the log");
        assertFalse(run.out().contains("gate_") && run.out().matches("(?s).*gate_[0-9A-Za-z]{49}.*"), "no key in the log");
    }

    @Test
    void aSinceThatIsNeitherADurationNorADateAndABadLimitAreUsageErrors() {
        TestCli cli = history(false);

        TestCli.Run since = cli.run("audit", "--since", "last tuesday");
        TestCli.Run limit = cli.run("audit", "--limit", "0");

        assertEquals(ExitCodes.USAGE, since.exitCode(), since::toString);
        assertTrue(since.err().contains("--since 'last tuesday' is not a duration back from now (30m, 12h, 7d)"),
                since::toString);
        assertEquals(ExitCodes.USAGE, limit.exitCode(), limit::toString);
        assertEquals(1, cli.run("audit", "--limit", "1").out().lines().count() - 1);
    }

    @ParameterizedTest
    @EnumSource(ApiKeyCommandsTest.Store.class)
    void actionAndOutcomeNarrowAndAnAdministratorsNameFindsWhatTheyDidAsSomeoneElse(ApiKeyCommandsTest.Store store) {
        TestCli cli = history(store == ApiKeyCommandsTest.Store.JSON);
        try (dev.gatehouse.core.port.out.Stores stores = cli.openStore()) {
            stores.audit().append(new dev.gatehouse.core.model.audit.AuditEvent("impersonated-1", TestCli.NOW.plusSeconds(120),
                    "api_key.mint", "alice", java.util.Optional.of(dev.gatehouse.core.model.accounts.Username.of("alice")),
                    "192.0.2.7", dev.gatehouse.core.model.audit.AuditEvent.Outcome.REFUSED, java.util.Map.of(),
                    java.util.Optional.of("admin")));
        }

        List<String> keys = cli.run("audit", "--action", "api_key.").out().lines().skip(1).toList();
        assertEquals(2, keys.size(), keys::toString);
        assertTrue(keys.get(0).matches(".*api_key\\.mint +alice \\(impersonated by admin\\) +alice +.*refused.*"), keys.get(0));
        List<String> refusedByAdmin = cli.run("audit", "--user", "admin", "--outcome", "refused").out().lines().skip(1).toList();
        assertEquals(1, refusedByAdmin.size(), refusedByAdmin::toString);
        TestCli.Run json = cli.run("audit", "--user", "admin", "--outcome", "refused", "--json");
        assertTrue(json.out().contains("\"impersonator\": \"admin\"") || json.out().contains("\"impersonator\":\"admin\""),
                json.out());
        assertEquals(2, cli.run("audit", "--outcome", "maybe").exitCode());
        assertEquals(2, cli.run("audit", "--action", "User Lock").exitCode());
    }
}
