package dev.gatehouse.cli.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.apikeys.LlmuxKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code gatehouse token import --from llmux:...}: llmux v2 keys keep working, as legacy keys. */
class ImportApiKeysCommandTest {

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
    @EnumSource(ApiKeyCommandsTest.Store.class)
    void importedLlmuxKeysKeepWorkingAsTheirOwnersAndAreListedAsLegacy(ApiKeyCommandsTest.Store store) throws Exception {
        TestCli cli = new TestCli(home, store == ApiKeyCommandsTest.Store.JSON);
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
                "Skipped entry 3 (BBBBBBBBBBBBBBBB): it lacks tokenId, secretHash or username.",
                "Skipped entry 4 (CCCCCCCCCCCCCCCC): a time in it is not ISO-8601 (yesterday).",
                "Skipped entry 2 (" + BOB_ID + "): its owner 'bob' is not a user here; add them ('gatehouse user add bob')"
                        + " and import again."), run.err().lines().toList());
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

    private Path authJson(String... tokens) throws Exception {
        Path auth = llmux.resolve("auth.json");
        Files.writeString(auth, "{\"version\":1,\"tokens\":[" + String.join(",", tokens) + "]}");
        return auth;
    }

    @ParameterizedTest
    @EnumSource(ApiKeyCommandsTest.Store.class)
    void llmuxV1PlainTextKeysKeepWorkingForTheOldestAdministratorStoredOnlyAsDigests(ApiKeyCommandsTest.Store store)
            throws Exception {
        TestCli cli = new TestCli(home, store == ApiKeyCommandsTest.Store.JSON);
        cli.addUser("admin");
        cli.addUser("alice");
        String longKey = "llmux-v1-0123456789abcdefghijklmnop";
        Path auth = authJson("{\"id\":\"a1\",\"token\":\"" + longKey + "\",\"name\":\"shared\","
                        + "\"createdAt\":\"2025-01-01T00:00:00Z\"}",
                "{\"id\":\"a2\",\"token\":\"short-v1\",\"createdAt\":\"2025-01-02T00:00:00Z\","
                        + "\"expiresAt\":\"2030-01-01T00:00:00Z\"}");

        TestCli.Run run = cli.run("token", "import", "--from", "llmux:" + llmux);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Imported 2 llmux v1 keys from " + auth + " for admin."), run::toString);
        assertEquals(Optional.of("admin"), cli.keyOwner(longKey));
        assertEquals(Optional.of("admin"), cli.keyOwner("short-v1"));
        assertEquals(Optional.empty(), cli.keyOwner("short-v2"), "only the imported text works");
        JsonNode keys = JSON.readTree(cli.run("token", "list", "--json").out());
        assertEquals(2, keys.size());
        for (JsonNode key : keys) {
            assertEquals("admin", key.get("owner").asText());
            assertTrue(key.get("legacy").asBoolean());
            assertEquals("Legacy", key.get("status").asText());
        }
        List<String> prefixes = List.of(keys.get(0).get("prefix").asText(), keys.get(1).get("prefix").asText());
        assertTrue(prefixes.contains("llmu") && prefixes.contains(""), "a long key shows 4 characters, a short one none: "
                + prefixes);
        assertEquals("2030-01-01T00:00:00Z", keys.findValues("expires").get(0).asText());
        String everything = run + cli.run("token", "list").out() + storeText();
        assertFalse(everything.contains(longKey) || everything.contains("short-v1"), "keys are shown and kept nowhere");

        TestCli.Run again = cli.run("token", "import", "--from", "llmux:" + auth);
        assertTrue(again.out().startsWith("Imported 0 llmux v1 keys from " + auth + " for admin; 2 already here."),
                again::toString);
    }

    /** Every byte of every file of the store, as text to look for secrets in. */
    private String storeText() throws Exception {
        StringBuilder all = new StringBuilder();
        try (var files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    void llmuxV1KeysBelongToTheOwnerNamedAndStopWhenThatUserIsLocked() throws Exception {
        TestCli cli = new TestCli(home);
        cli.addUser("admin");
        cli.addUser("ci");
        Path auth = authJson("{\"id\":\"a1\",\"token\":\"ci-runner-key-1\",\"createdAt\":\"2025-01-01T00:00:00Z\"}");

        TestCli.Run run = cli.run("token", "import", "--from", "llmux:" + auth, "--owner", "ci");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(Optional.of("ci"), cli.keyOwner("ci-runner-key-1"));
        assertEquals("ci-imported", JSON.readTree(cli.run("token", "list", "--json").out()).get(0).get("name").asText());
        assertEquals(0, cli.run("user", "lock", "ci").exitCode());
        assertEquals(Optional.empty(), cli.keyOwner("ci-runner-key-1"));
    }

    @Test
    void llmuxV1KeysNeedAnOwnerAndUnusableOnesAreSkipped() throws Exception {
        TestCli cli = new TestCli(home);
        Path auth = authJson("{\"id\":\"a1\",\"token\":\"plain-text-token\",\"createdAt\":\"2025-01-01T00:00:00Z\"}",
                "{\"id\":\"a2\",\"token\":\"short\",\"createdAt\":\"2025-01-01T00:00:00Z\"}",
                "{\"id\":\"a3\",\"createdAt\":\"2025-01-01T00:00:00Z\"}");

        TestCli.Run none = cli.run("token", "import", "--from", "llmux:" + auth);
        assertEquals(ExitCodes.USAGE, none.exitCode(), none::toString);
        assertTrue(none.err().contains("no active administrator yet"), none::toString);
        assertFalse(none.err().contains("plain-text-token"), "keys are not echoed");

        cli.addUser("admin");
        TestCli.Run run = cli.run("token", "import", "--from", "llmux:" + auth);
        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertEquals(List.of("Skipped entry 3 (a3): it has no token.",
                "Skipped entry 2 (a2): its key is not usable here: a key kept in plain text must be 8 to 512 visible"
                        + " ASCII characters and not start with gate_."), run.err().lines().toList());
        assertFalse(run.toString().contains("plain-text-token"), "keys are not echoed");
        assertEquals(Optional.of("admin"), cli.keyOwner("plain-text-token"));

        TestCli.Run v2Owner = cli.run("token", "import", "--from", "llmux:" + tokensJson(), "--owner", "admin");
        assertEquals(ExitCodes.USAGE, v2Owner.exitCode(), v2Owner::toString);
        assertTrue(v2Owner.err().contains("--owner is for llmux v1"), v2Owner::toString);
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
        assertTrue(source.err().contains("llmux:PATH (llmux's v2 tokens.json or v1 auth.json)"), source::toString);
        assertEquals(ExitCodes.USAGE, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("Cannot read"), missing::toString);
        assertEquals(ExitCodes.USAGE, object.exitCode(), object::toString);
        assertTrue(object.err().contains("neither llmux's v2 tokens.json"), object::toString);
        assertEquals(ExitCodes.USAGE, noFrom.exitCode(), noFrom::toString);
    }
}
