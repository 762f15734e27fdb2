package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.LlmuxKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code gatehouse token import --from llmux:...}: llmux v2 keys keep working, as legacy keys. */
class ImportTokensCommandTest {

    static final String ALICE_ID = "AAECAwQFBgcICQoL";
    static final String ALICE_SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
    static final String BOB_ID = "qrstuvwxyzABCDEF";
    static final String BOB_SECRET = "zyxwvutsrqponmlkjihgfedcbaZYXWVUTSRQPONMLKJ";
    static final String ALICE_KEY = LlmuxKeys.PREFIX + ALICE_ID + "." + ALICE_SECRET;
    static final String BOB_KEY = LlmuxKeys.PREFIX + BOB_ID + "." + BOB_SECRET;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path llmux;

    private Path tokensJson(String... entries) throws Exception {
        Path file = llmux.resolve("tokens.json");
        Files.writeString(file, "[" + String.join(",", entries) + "]");
        return file;
    }

    static String entry(String id, String secret, String owner, String name, String created, String extra) {
        return "{\"tokenId\":\"" + id + "\",\"secretHash\":\"" + LlmuxKeys.secretHash(secret) + "\",\"username\":\"" + owner
                + "\",\"name\":\"" + name + "\",\"createdAt\":\"" + created + "\"" + extra + "}";
    }

    @ParameterizedTest
    @EnumSource(TokenCommandsTest.Store.class)
    void importedLlmuxKeysKeepWorkingAsTheirOwnersAndAreListedAsLegacy(TokenCommandsTest.Store store) throws Exception {
        TestCli cli = new TestCli(home, store == TokenCommandsTest.Store.JSON);
        cli.addUser("admin");
        cli.addUser("alice");
        Path file = tokensJson(entry(ALICE_ID, ALICE_SECRET, "alice", "alice's laptop", "2025-03-20T08:00:00.000Z",
                ",\"expiresAt\":\"2026-03-20T08:00:00.000Z\",\"lastUsedAt\":\"2025-03-21T09:00:00.000Z\""));
        cli.clock = java.time.Clock.fixed(java.time.Instant.parse("2025-04-01T00:00:00Z"), java.time.ZoneOffset.UTC);

        TestCli.Run run = cli.run("token", "import", "--from", "llmux:" + file);

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("Imported 1 llmux key from " + file + ". They are legacy keys: they keep working and cannot be made"
                + " anew.\n", run.out());
        assertEquals(Optional.of("alice"), cli.keyOwner(ALICE_KEY));
        assertEquals(Optional.empty(), cli.keyOwner(LlmuxKeys.PREFIX + ALICE_ID + "." + BOB_SECRET), "the secret counts");
        JsonNode key = JSON.readTree(cli.run("token", "list", "--json").out()).get(0);
        assertEquals(ALICE_ID, key.get("id").asText());
        assertEquals("alice's laptop", key.get("name").asText());
        assertEquals("alice", key.get("owner").asText());
        assertEquals("sas_AAECAwQF", key.get("prefix").asText());
        assertEquals("2025-03-20T08:00:00Z", key.get("created").asText());
        assertEquals("2026-03-20T08:00:00Z", key.get("expires").asText());
        assertEquals("2025-04-01T00:00:00Z", key.get("lastUsed").asText(), "used just now by the check above");
        assertTrue(key.get("legacy").asBoolean());
        assertEquals("Legacy", key.get("status").asText());

        TestCli.Run again = cli.run("token", "import", "--from", "llmux:" + llmux);

        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().startsWith("Imported 0 llmux keys from " + file + "; 1 already here."), again::toString);
        assertEquals(1, JSON.readTree(cli.run("token", "list", "--json").out()).size());
    }

    @Test
    void aKeyOlderThanItsOwnersAccountHereIsDatedFromTheAccountSoItWorks() throws Exception {
        TestCli cli = new TestCli(home);
        cli.addUser("admin");
        cli.addUser("alice"); // created at TestCli.NOW, after the key below
        Path file = tokensJson(entry(ALICE_ID, ALICE_SECRET, "alice", "old", "2024-01-01T00:00:00Z", ""));

        TestCli.Run run = cli.run("token", "import", "--from", "llmux:" + file);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("1 key is dated from its owner's account here"), run::toString);
        assertEquals(Optional.of("alice"), cli.keyOwner(ALICE_KEY));
        assertEquals(TestCli.NOW.toString(), JSON.readTree(cli.run("token", "list", "--json").out()).get(0)
                .get("created").asText());
    }

    @Test
    void keysOfMissingOwnersAndBrokenEntriesAreSkippedWithTheReasonAndTheRestImported() throws Exception {
        TestCli cli = new TestCli(home);
        cli.addUser("admin");
        cli.addUser("alice");
        Path file = tokensJson(entry(ALICE_ID, ALICE_SECRET, "alice", "laptop", "2025-03-20T08:00:00Z", ""),
                entry(BOB_ID, BOB_SECRET, "bob", "phone", "2025-03-20T08:00:00Z", ""),
                "{\"tokenId\":\"BBBBBBBBBBBBBBBB\",\"username\":\"alice\"}",
                entry("CCCCCCCCCCCCCCCC", BOB_SECRET, "alice", "x", "yesterday", ""));

        TestCli.Run run = cli.run("token", "import", "--from", "llmux:" + file);

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Imported 1 llmux key"), run::toString);
        assertEquals(List.of(
                "Skipped entry 2 (" + BOB_ID + "): its owner 'bob' is not a user here; add them ('gatehouse user add bob')"
                        + " and import again.",
                "Skipped entry 3 (BBBBBBBBBBBBBBBB): it lacks tokenId, secretHash or username.",
                "Skipped entry 4 (CCCCCCCCCCCCCCCC): a time in it is not ISO-8601 (yesterday)."), run.err().lines().toList());
        assertEquals(Optional.of("alice"), cli.keyOwner(ALICE_KEY));

        cli.addUser("bob");
        TestCli.Run after = cli.run("token", "import", "--from", "llmux:" + file);
        assertTrue(after.out().startsWith("Imported 1 llmux key from " + file + "; 1 already here."), after::toString);
        assertEquals(Optional.of("bob"), cli.keyOwner(BOB_KEY));
    }

    @Test
    void anImportedKeyCanBeRevokedAndThenStops() throws Exception {
        TestCli cli = new TestCli(home);
        cli.addUser("admin");
        cli.addUser("alice");
        cli.run("token", "import", "--from", "llmux:" + tokensJson(
                entry(ALICE_ID, ALICE_SECRET, "alice", "laptop", "2025-03-20T08:00:00Z", "")));

        TestCli.Run run = cli.run("token", "revoke", ALICE_ID);

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Optional.empty(), cli.keyOwner(ALICE_KEY));
        assertEquals("Revoked", JSON.readTree(cli.run("token", "list", "--json").out()).get(0).get("status").asText());
    }

    @Test
    void eachImportedKeyIsAudited() throws Exception {
        TestCli cli = new TestCli(home);
        cli.addUser("admin");
        cli.addUser("alice");
        Path file = tokensJson(entry(ALICE_ID, ALICE_SECRET, "alice", "laptop", "2025-03-20T08:00:00Z", ""));
        cli.run("token", "import", "--from", "llmux:" + file);

        try (Stores stores = cli.openStore()) {
            var event = stores.audit().page(Optional.empty(), 100).stream()
                    .filter(e -> e.action().equals("api_key.import")).findFirst().orElseThrow();
            assertEquals("operator", event.actor());
            assertEquals(ALICE_ID, event.details().get("key"));
            assertEquals("llmux:" + file, event.details().get("from"));
        }
    }

    @Test
    void llmuxV1TokensAreRefusedWithTheWayToKeepThemWorking() throws Exception {
        TestCli cli = new TestCli(home);
        Path auth = llmux.resolve("auth.json");
        Files.writeString(auth, "{\"version\":1,\"tokens\":[{\"id\":\"a\",\"token\":\"plain-text-token\"}]}");

        TestCli.Run run = cli.run("token", "import", "--from", "llmux:" + auth);

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("llmux's v1 auth.json"), run::toString);
        assertTrue(run.err().contains("GATEHOUSE_API_KEYS"), run::toString);
        assertFalse(run.err().contains("plain-text-token"), "tokens are not echoed");
    }

    @Test
    void otherSourcesAndUnreadableFilesAreUsageErrors() throws Exception {
        TestCli cli = new TestCli(home);
        Files.writeString(llmux.resolve("tokens.json"), "{\"not\":\"an array\"}");

        TestCli.Run source = cli.run("token", "import", "--from", "localai:/tmp/keys");
        TestCli.Run missing = cli.run("token", "import", "--from", "llmux:" + llmux.resolve("nothing.json"));
        TestCli.Run object = cli.run("token", "import", "--from", "llmux:" + llmux);
        TestCli.Run noFrom = cli.run("token", "import");

        assertEquals(ExitCodes.USAGE, source.exitCode(), source::toString);
        assertTrue(source.err().contains("llmux:PATH/tokens.json"), source::toString);
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("Cannot read"), missing::toString);
        assertEquals(ExitCodes.USAGE, object.exitCode(), object::toString);
        assertTrue(object.err().contains("not llmux's v2 tokens.json"), object::toString);
        assertEquals(ExitCodes.USAGE, noFrom.exitCode(), noFrom::toString);
    }
}
