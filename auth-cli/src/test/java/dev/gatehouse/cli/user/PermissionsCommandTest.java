package dev.gatehouse.cli.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.apikeys.ApiKeyCommandsTest;
import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code gatehouse user permissions}: a user's features and models, shown and changed as the operator. */
class PermissionsCommandTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(ApiKeyCommandsTest.Store.class)
    void theOperatorGivesAUserChatAndLlamaModelsOnlyAndItIsAudited(ApiKeyCommandsTest.Store store) {
        TestCli cli = new TestCli(home, store == ApiKeyCommandsTest.Store.JSON);
        cli.addUser("admin", "--admin");
        cli.addUser("alice");

        TestCli.Run run = cli.run("user", "permissions", "alice", "--disable", "images,audio_speech", "--enable", "agents",
                "--models", "llama-*, mistral");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("  images               off  (set; default on)"), run.out());
        assertTrue(run.out().contains("  chat                 on   (default)"), run.out());
        assertTrue(run.out().contains("  agents               on   (set; default off)"), run.out());
        assertTrue(run.out().strip().endsWith("models: llama-*,mistral"), run.out());
        try (Stores stores = cli.openStore()) {
            assertEquals(Optional.of(new Permissions(Map.of("images", false, "audio_speech", false, "agents", true),
                    ModelAccess.only(List.of("llama-*", "mistral")))), stores.permissions().find(Username.of("alice")));
            AuditEvent event = stores.audit().page(Optional.empty(), 100).stream().filter(e -> e.action().equals("user.permissions"))
                    .findFirst().orElseThrow();
            assertEquals("operator", event.actor());
            assertEquals("all", event.details().get("models_before"));
        }
        TestCli.Run back = cli.run("user", "permissions", "alice", "--default", "images,audio_speech,agents", "--all-models",
                "--json");
        assertEquals(0, back.exitCode(), back::toString);
        assertTrue(back.out().contains("\"images\": true") && back.out().contains("\"models\": \"all\""), back.out());
        try (Stores stores = cli.openStore()) {
            assertEquals(Optional.empty(), stores.permissions().find(Username.of("alice")));
        }
    }

    @Test
    void anUnknownFeatureIsRefusedListingTheKnownOnes() {
        TestCli cli = new TestCli(home);
        cli.addUser("alice");
        TestCli.Run run = cli.run("user", "permissions", "alice", "--enable", "teleport");
        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertTrue(run.err().contains("'teleport' is not a feature of this server; the features are: chat, images"),
                run.err());
    }

    @Test
    void theOperatorsFeatureListDecidesTheDefaults() {
        TestCli cli = new TestCli(home);
        cli.addUser("admin", "--admin");
        cli.addUser("alice");
        cli.variables.put("GATEHOUSE_FEATURES", "chat,images:off");
        TestCli.Run run = cli.run("user", "permissions", "alice");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("alice\n  chat    on   (default)\n  images  off  (default)\nmodels: all", run.out().strip());
    }

    @Test
    void onlyTurnsTheNamedFeaturesOnAndEveryOtherOff() {
        TestCli cli = new TestCli(home);
        cli.addUser("admin", "--admin");
        cli.addUser("alice");
        cli.variables.put("GATEHOUSE_FEATURES", "chat,images,agents:off");
        TestCli.Run run = cli.run("user", "permissions", "alice", "--only", "chat", "--models", "llama-*");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("alice\n  chat    on   (set; default on)\n  images  off  (set; default on)\n"
                + "  agents  off  (set; default off)\nmodels: llama-*", run.out().strip());
        assertEquals(ExitCodes.REFUSED, cli.run("user", "permissions", "alice", "--only", "teleport").exitCode());
        assertEquals(ExitCodes.USAGE, cli.run("user", "permissions", "alice", "--only", "chat", "--enable", "images")
                .exitCode());
    }

    @Test
    void contradictoryOptionsAreAUsageError() {
        TestCli cli = new TestCli(home);
        cli.addUser("alice");
        assertEquals(ExitCodes.USAGE, cli.run("user", "permissions", "alice", "--models", "a", "--all-models").exitCode());
        assertEquals(ExitCodes.USAGE, cli.run("user", "permissions", "alice", "--enable", "chat", "--disable", "chat")
                .exitCode());
        assertEquals(ExitCodes.USAGE, cli.run("user", "permissions", "alice", "--models", "llama 3").exitCode());
    }
}
