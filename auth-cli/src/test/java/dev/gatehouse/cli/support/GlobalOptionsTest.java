package dev.gatehouse.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.testing.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the store is, and what happens when the command line is wrong. */
class GlobalOptionsTest {

    @TempDir
    Path home;
    @TempDir
    Path elsewhere;
    TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(home);
    }

    @Test
    void aSqliteFileInGatehouseHomeIsTheDefaultStore() {
        TestCli defaults = new TestCli(home, false);
        defaults.addUser("admin");

        assertTrue(Files.exists(home.resolve("gatehouse.db")));
        assertFalse(Files.exists(home.resolve("users.json")));
        assertTrue(defaults.run("user", "list").out().contains("admin"));
    }

    @Test
    void storeWorksBeforeAndAfterTheCommand() {
        String store = "json:" + elsewhere;
        cli.runWithStdin(TestCli.PASSWORD + "\n", "--store", store, "user", "add", "admin", "--password-stdin");

        assertTrue(Files.exists(elsewhere.resolve("users.json")));
        assertFalse(Files.exists(home.resolve("users.json")));
        assertTrue(cli.run("user", "list", "--store", store).out().contains("admin"));
        assertTrue(cli.run("user", "--store", store, "list").out().contains("admin"));
    }

    @Test
    void aHomeHoldingAJsonStoreIsNotHiddenBehindANewEmptyDatabase() throws java.io.IOException {
        Files.writeString(home.resolve("users.json"), "{}");
        TestCli.Run run = new TestCli(home, false).run("user", "list");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--store json:" + home), run::toString);
        assertTrue(run.err().contains("gatehouse store migrate --from json:" + home), run::toString);
        assertFalse(Files.exists(home.resolve("gatehouse.db")));
    }

    @Test
    void homeOptionAndStoreVariableChooseTheStoreToo() {
        TestCli defaults = new TestCli(home, false);
        defaults.runWithStdin(TestCli.PASSWORD + "\n", "user", "add", "admin", "--password-stdin", "--home", elsewhere.toString());
        assertTrue(Files.exists(elsewhere.resolve("gatehouse.db")));
        assertFalse(Files.exists(home.resolve("gatehouse.db")));

        defaults.variables.put("GATEHOUSE_STORE", "sqlite:" + elsewhere.resolve("gatehouse.db"));
        assertTrue(defaults.run("user", "list").out().contains("admin"));
    }

    @Test
    void anUnsupportedStoreSchemeIsAUsageErrorNamingWhatIsSupported() {
        TestCli.Run run = cli.run("--store", "redis://localhost/0", "user", "list");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: The store 'redis://localhost/0' uses the scheme 'redis', which this"
                + " version does not support; use sqlite:PATH"), run::toString);
    }

    @Test
    void aPasswordInAStoreUrlIsNotPrinted() {
        cli.variables.put("GATEHOUSE_STORE", "postgres://gate:s3cret@127.0.0.1:1/gatehouse");

        TestCli.Run run = cli.run("user", "list");

        assertEquals(ExitCodes.REFUSED, run.exitCode(), run::toString);
        assertFalse(run.err().contains("s3cret"), run::toString);
        assertTrue(run.err().contains("postgres://gate:****@127.0.0.1:1/gatehouse"), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        TestCli.Run run = cli.run("user", "lsit");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: Unmatched argument at index 1: 'lsit'"), run::toString);
        assertTrue(run.err().contains("Did you mean: user ls"), run::toString);
    }

    @Test
    void noCommandIsAUsageErrorThatShowsTheUsage() {
        TestCli.Run bare = cli.run();
        TestCli.Run user = cli.run("user");

        assertEquals(ExitCodes.USAGE, bare.exitCode());
        assertTrue(bare.err().contains("Usage: gatehouse"), bare::toString);
        assertEquals(ExitCodes.USAGE, user.exitCode());
        assertTrue(user.err().contains("Usage: gatehouse user"), user::toString);
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        TestCli.Run run = cli.run("user", "remove");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: Missing required parameter: 'NAME'"), run::toString);
    }

    @Test
    void versionNamesTheBuild() {
        TestCli.Run run = cli.run("--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().matches("(?s)gatehouse \\d+\\.\\d+\\.\\d+.*\nJava .*"), run::toString);
    }
}
