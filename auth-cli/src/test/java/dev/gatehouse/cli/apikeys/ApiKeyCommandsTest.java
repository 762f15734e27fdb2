package dev.gatehouse.cli.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code gatehouse token create | list | revoke | rename}, on the JSON store and on SQLite. */
public class ApiKeyCommandsTest {

    /** The two kinds of store the CLI keeps keys in without a server. */
    public enum Store { JSON, SQLITE }

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private TestCli cli(Store store) {
        TestCli cli = new TestCli(home, store == Store.JSON);
        cli.addUser("admin");
        cli.addUser("alice");
        cli.addUser("bob");
        return cli;
    }

    private static String createKey(TestCli cli, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "token";
        all[1] = "create";
        System.arraycopy(args, 0, all, 2, args.length);
        TestCli.Run run = cli.run(all);
        assertEquals(0, run.exitCode(), run::toString);
        return run.out().strip();
    }

    private static String onlyId(TestCli cli, String user) throws Exception {
        JsonNode keys = JSON.readTree(cli.run("token", "list", "--user", user, "--json").out());
        assertEquals(1, keys.size(), keys::toString);
        return keys.get(0).get("id").asText();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aKeyIsPrintedOnceActsAsItsOwnerAndIsListedWithoutIt(Store store) {
        TestCli cli = cli(store);

        TestCli.Run created = cli.run("token", "create", "--username", "alice", "--name", "laptop", "--expires", "90d");

        assertEquals(0, created.exitCode(), created::toString);
        String key = created.out().strip();
        assertTrue(key.matches("gate_[0-9A-Za-z]{49}"), created::toString);
        assertEquals(key + "\n", created.out(), "standard output carries the key alone");
        assertTrue(created.err().startsWith("Created API key 'laptop' (id "), created::toString);
        assertTrue(created.err().contains("for 'alice', expires 2025-06-13 10:30 UTC"), created::toString);
        assertTrue(created.err().contains("it will not be shown again"), created::toString);
        assertEquals(Optional.of("alice"), cli.keyOwner(key));

        TestCli.Run listed = cli.run("token", "list");
        assertEquals(0, listed.exitCode(), listed::toString);
        List<String> lines = listed.out().lines().toList();
        assertEquals(2, lines.size(), listed::toString);
        assertTrue(lines.get(0).matches("ID +NAME +USER +PREFIX +CREATED +EXPIRES +LAST USED +STATUS"), listed::toString);
        assertTrue(lines.get(1).matches("[0-9A-Za-z]{16} +laptop +alice +" + key.substring(0, 12)
                + "\\.\\.\\. +2025-03-15 +2025-06-13 +just now +Active"), listed::toString);
        assertFalse(listed.out().contains(key), "the key itself is never listed");
        assertFalse(cli.run("token", "list", "--json").out().contains(key), "nor in JSON");
    }

    @Test
    void createJsonHasTheTokenAsTheApiShowsItAndTheKey() throws Exception {
        TestCli cli = cli(Store.JSON);

        TestCli.Run run = cli.run("token", "create", "--username", "bob", "--scope", "chat", "--scope", "models:llama-*",
                "--json");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        JsonNode json = JSON.readTree(run.out());
        String key = json.get("key").asText();
        JsonNode token = json.get("token");
        assertEquals(List.of("id", "name", "owner", "prefix", "created", "expires", "scopes", "legacy", "status"),
                fieldNames(token));
        assertEquals("bob-2025-03-15", token.get("name").asText());
        assertEquals("bob", token.get("owner").asText());
        assertEquals(key.substring(0, 12), token.get("prefix").asText());
        assertEquals("2025-03-15T10:30:00Z", token.get("created").asText());
        assertEquals("2026-03-15T10:30:00Z", token.get("expires").asText(), "a year by default");
        assertEquals("[\"chat\",\"models:llama-*\"]", token.get("scopes").toString());
        assertFalse(token.get("legacy").asBoolean());
        assertEquals("Active", token.get("status").asText());
        assertEquals(Optional.of("bob"), cli.keyOwner(key));
    }

    @Test
    void expiryIsADurationADateOrNever() throws Exception {
        TestCli cli = cli(Store.JSON);
        JsonNode never = JSON.readTree(cli.run("token", "create", "-u", "alice", "--expires", "never", "--json").out());
        JsonNode date = JSON.readTree(cli.run("token", "create", "-u", "alice", "--expires", "2027-01-31", "--json").out());
        JsonNode year = JSON.readTree(cli.run("token", "create", "-u", "alice", "--expires", "1y", "--json").out());

        assertFalse(never.get("token").has("expires"));
        assertEquals("2027-01-31T00:00:00Z", date.get("token").get("expires").asText());
        assertEquals("2026-03-15T10:30:00Z", year.get("token").get("expires").asText());
    }

    @Test
    void theDefaultLifetimeIsTheServersSetting() throws Exception {
        TestCli cli = cli(Store.JSON);
        cli.variables.put("GATEHOUSE_KEY_LIFETIME", "30d");
        JsonNode thirty = JSON.readTree(cli.run("token", "create", "-u", "alice", "--json").out());
        cli.variables.put("GATEHOUSE_KEY_LIFETIME", "never");
        JsonNode never = JSON.readTree(cli.run("token", "create", "-u", "alice", "--json").out());
        cli.variables.put("GATEHOUSE_KEY_LIFETIME", "soon");
        TestCli.Run bad = cli.run("token", "create", "-u", "alice");

        assertEquals("2025-04-14T10:30:00Z", thirty.get("token").get("expires").asText());
        assertFalse(never.get("token").has("expires"));
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("GATEHOUSE_KEY_LIFETIME"), bad::toString);
        assertEquals(0, cli.run("token", "list").exitCode(), "only making keys reads the setting");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "0d", "2025-03-14", "2025-02-30", "-5d"})
    void aBadOrPastExpiryIsAUsageErrorNamingTheForms(String expires) {
        TestCli cli = cli(Store.JSON);

        TestCli.Run run = cli.run("token", "create", "--username", "alice", "--expires", expires);

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: --expires '" + expires + "'"), run::toString);
        assertTrue(run.err().contains("90d") || run.err().contains("YYYY-MM-DD"), run::toString);
        assertEquals("[]\n", cli.run("token", "list", "--json").out(), "no key was made");
    }

    @Test
    void theOwnerIsRequired() {
        TestCli.Run run = cli(Store.JSON).run("token", "create", "--name", "laptop");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--username"), run::toString);
        assertTrue(run.err().contains("gatehouse token create --help"), run::toString);
    }

    @Test
    void badNamesAndScopesAreUsageErrors() {
        TestCli cli = cli(Store.JSON);

        TestCli.Run name = cli.run("token", "create", "-u", "alice", "--name", " ");
        TestCli.Run scope = cli.run("token", "create", "-u", "alice", "--scope", "Chat!");

        assertEquals(ExitCodes.USAGE, name.exitCode(), name::toString);
        assertTrue(name.err().contains("A key needs a name"), name::toString);
        assertEquals(ExitCodes.USAGE, scope.exitCode(), scope::toString);
        assertTrue(scope.err().contains("'Chat!' is not a scope"), scope::toString);
    }

    @Test
    void theManagementScopeIsTakenAsSpeltAndAMisspellingOfItIsRefused() throws Exception {
        TestCli cli = cli(Store.JSON);

        TestCli.Run manage = cli.run("token", "create", "-u", "alice", "--scope", "gatehouse:manage", "--json");
        TestCli.Run typo = cli.run("token", "create", "-u", "alice", "--scope", "gatehouse:admin");

        assertEquals(0, manage.exitCode(), manage::toString);
        assertEquals("[\"gatehouse:manage\"]", JSON.readTree(manage.out()).get("token").get("scopes").toString());
        assertEquals(ExitCodes.USAGE, typo.exitCode(), typo::toString);
        assertTrue(typo.err().contains("the only scope starting with 'gatehouse:' is gatehouse:manage"), typo::toString);
    }

    @Test
    void anUnknownOrLockedOwnerIsRefused() {
        TestCli cli = cli(Store.JSON);
        cli.run("user", "lock", "bob", "--reason", "Left");

        TestCli.Run ghost = cli.run("token", "create", "--username", "ghost");
        TestCli.Run locked = cli.run("token", "create", "--username", "bob");

        assertEquals(ExitCodes.REFUSED, ghost.exitCode(), ghost::toString);
        assertEquals("gatehouse: cannot make a key for 'ghost': There is no user 'ghost'.\n", ghost.err());
        assertEquals(ExitCodes.REFUSED, locked.exitCode(), locked::toString);
        assertTrue(locked.err().contains("only active users get keys"), locked::toString);
        assertEquals("", ghost.out() + locked.out());
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void aRevokedKeyStopsAtOnceAndStaysListedAsRevoked(Store store) throws Exception {
        TestCli cli = cli(store);
        String key = createKey(cli, "--username", "alice");
        String id = onlyId(cli, "alice");

        TestCli.Run revoked = cli.run("token", "revoke", id);
        TestCli.Run again = cli.run("token", "revoke", id);

        assertEquals(0, revoked.exitCode(), revoked::toString);
        assertEquals("Revoked API key '" + id + "'.\n", revoked.out());
        assertEquals(Optional.empty(), cli.keyOwner(key));
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("API key '" + id + "' was revoked already; nothing changed.\n", again.out());
        JsonNode listed = JSON.readTree(cli.run("token", "list", "--json").out()).get(0);
        assertEquals("Revoked", listed.get("status").asText());
        assertEquals("2025-03-15T10:30:00Z", listed.get("revoked").asText());
        assertTrue(cli.run("token", "list").out().contains("Revoked"));
    }

    @Test
    void revokingAnUnknownMalformedOrConfiguredKeySaysWhatToGive() {
        TestCli cli = cli(Store.JSON);
        String key = createKey(cli, "--username", "alice");

        TestCli.Run unknown = cli.run("token", "revoke", "AAAAAAAAAAAAAAAA");
        TestCli.Run malformed = cli.run("token", "revoke", "no!");
        TestCli.Run theKeyItself = cli.run("token", "revoke", key);
        TestCli.Run configured = cli.run("token", "revoke", "config-1");

        assertEquals(ExitCodes.REFUSED, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("There is no API key 'AAAAAAAAAAAAAAAA'"), unknown::toString);
        assertEquals(ExitCodes.USAGE, malformed.exitCode(), malformed::toString);
        assertTrue(malformed.err().contains("is not an API key id"), malformed::toString);
        assertEquals(ExitCodes.USAGE, theKeyItself.exitCode(), theKeyItself::toString);
        assertTrue(theKeyItself.err().contains("looks like a key itself"), theKeyItself::toString);
        assertFalse(theKeyItself.err().contains(key), "the key is not echoed");
        assertEquals(ExitCodes.REFUSED, configured.exitCode(), configured::toString);
        assertTrue(configured.err().contains("GATEHOUSE_API_KEYS"), configured::toString);
        assertEquals(Optional.of("alice"), cli.keyOwner(key));
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void revokeAllStopsEveryKeyOfOneUserOrOfEveryone(Store store) {
        TestCli cli = cli(store);
        String laptop = createKey(cli, "-u", "alice", "--name", "laptop");
        String phone = createKey(cli, "-u", "alice", "--name", "phone");
        String bobs = createKey(cli, "-u", "bob");

        TestCli.Run alices = cli.run("token", "revoke", "--all", "--user", "alice");

        assertEquals(0, alices.exitCode(), alices::toString);
        assertEquals("Revoked 2 API keys of 'alice'.\n", alices.out());
        assertEquals(Optional.empty(), cli.keyOwner(laptop));
        assertEquals(Optional.empty(), cli.keyOwner(phone));
        assertEquals(Optional.of("bob"), cli.keyOwner(bobs));

        TestCli.Run everyone = cli.run("token", "revoke", "--all");

        assertEquals("Revoked 1 API key of every user.\n", everyone.out());
        assertEquals(Optional.empty(), cli.keyOwner(bobs));
        assertEquals("Revoked 0 API keys of every user. (None was active.)\n", cli.run("token", "revoke", "--all").out());
    }

    @Test
    void revokeNeedsExactlyAKeyOrAll() {
        TestCli cli = cli(Store.JSON);

        for (String[] args : List.of(new String[] {"token", "revoke"}, new String[] {"token", "revoke", "AAAAAAAAAAAAAAAA", "--all"},
                new String[] {"token", "revoke", "AAAAAAAAAAAAAAAA", "--user", "alice"})) {
            TestCli.Run run = cli.run(args);
            assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
            assertTrue(run.err().startsWith("gatehouse: "), run::toString);
        }
        assertTrue(cli.run("token", "revoke").err().contains("gatehouse token revoke --all [--user NAME]"));
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void renamingChangesTheLabelAndNotTheKey(Store store) throws Exception {
        TestCli cli = cli(store);
        String key = createKey(cli, "-u", "alice");
        String id = onlyId(cli, "alice");

        TestCli.Run renamed = cli.run("token", "rename", id, "  alice's phone ");

        assertEquals(0, renamed.exitCode(), renamed::toString);
        assertEquals("Renamed API key '" + id + "' to 'alice's phone'.\n", renamed.out());
        assertEquals("alice's phone", JSON.readTree(cli.run("token", "list", "--json").out()).get(0).get("name").asText());
        assertEquals(Optional.of("alice"), cli.keyOwner(key));
        assertEquals(ExitCodes.USAGE, cli.run("token", "rename", id, "").exitCode());
        assertEquals(ExitCodes.REFUSED, cli.run("token", "rename", "AAAAAAAAAAAAAAAA", "x").exitCode());
    }

    @Test
    void theListFiltersByUserShowsExpiryAndLastUseAndSaysHowToStart() throws Exception {
        TestCli cli = cli(Store.JSON);
        assertEquals("No API keys yet; make one with: gatehouse token create --username NAME\n",
                cli.run("token", "list").out());
        assertEquals("[]\n", cli.run("token", "list", "--json").out());
        String shortLived = createKey(cli, "-u", "alice", "--name", "short", "--expires", "1d");
        createKey(cli, "-u", "bob", "--name", "forever", "--expires", "never");
        cli.keyOwner(shortLived);
        cli.clock = Clock.fixed(TestCli.NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC);

        String all = cli.run("token", "list").out();
        String bobs = cli.run("token", "list", "--user", "bob").out();

        assertTrue(all.contains("short") && all.contains("forever"), all);
        assertTrue(all.lines().anyMatch(line -> line.matches(".*short.* 2025-03-16 +2 days ago +Expired")), all);
        assertTrue(all.lines().anyMatch(line -> line.contains("forever") && line.matches(".* never +never +Active")), all);
        assertFalse(bobs.contains("short"), bobs);
        assertEquals("'admin' has no API keys; make one with: gatehouse token create --username admin\n",
                cli.run("token", "list", "--user", "admin").out());
    }

    @Test
    void keysFromConfigurationAreListedAsLegacy() throws Exception {
        TestCli cli = cli(Store.JSON);
        cli.variables.put("GATEHOUSE_API_KEYS", "sk-0123456789abcdef0123456789abcdef");

        JsonNode keys = JSON.readTree(cli.run("token", "list", "--json").out());

        assertEquals(1, keys.size(), keys::toString);
        assertEquals("config-1", keys.get(0).get("id").asText());
        assertEquals("apikey", keys.get(0).get("owner").asText());
        assertTrue(keys.get(0).get("legacy").asBoolean());
        assertEquals("Legacy", keys.get(0).get("status").asText());
        assertFalse(keys.toString().contains("0123456789abcdef"), "only a short prefix of a configured key shows");
        cli.variables.put("GATEHOUSE_API_KEYS", "short");
        TestCli.Run bad = cli.run("token", "list");
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad::toString);
        assertEquals(0, cli.run("user", "list").exitCode(), "other commands do not read the keys");
    }

    @Test
    void mintingRenamingAndRevokingAreAudited() throws Exception {
        TestCli cli = cli(Store.JSON);
        createKey(cli, "-u", "alice");
        String id = onlyId(cli, "alice");
        cli.run("token", "rename", id, "laptop");
        cli.run("token", "revoke", id);

        try (Stores stores = cli.openStore()) {
            List<String> actions = stores.audit().page(Optional.empty(), 100).stream()
                    .filter(e -> e.action().startsWith("api_key.")).map(e -> e.action() + " " + e.actor()).sorted().toList();
            assertEquals(List.of("api_key.mint operator", "api_key.rename operator", "api_key.revoke operator"), actions);
            AuditEvent mint = stores.audit().page(Optional.empty(), 100).stream()
                    .filter(e -> e.action().equals("api_key.mint")).findFirst().orElseThrow();
            assertEquals(id, mint.details().get("key"));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
