package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void gatehouseHomeIsTheDefaultStore() {
        cli.addUser("admin");

        assertTrue(Files.exists(home.resolve("users.json")));
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
    void homeOptionAndStoreVariableChooseTheStoreToo() {
        cli.runWithStdin(TestCli.PASSWORD + "\n", "user", "add", "admin", "--password-stdin", "--home", elsewhere.toString());
        assertTrue(Files.exists(elsewhere.resolve("users.json")));

        cli.variables.put("GATEHOUSE_STORE", "json:" + elsewhere);
        assertTrue(cli.run("user", "list").out().contains("admin"));
    }

    @Test
    void anUnsupportedStoreSchemeIsAUsageErrorNamingWhatIsSupported() {
        TestCli.Run run = cli.run("--store", "sqlite:/tmp/users.db", "user", "list");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertEquals("gatehouse: The store 'sqlite:/tmp/users.db' uses the scheme 'sqlite', which this version does not"
                + " support; use json:DIR (a directory, e.g. json:~/.gatehouse).\n", run.err());
    }

    @Test
    void aPasswordInAStoreUrlIsNotPrinted() {
        cli.variables.put("GATEHOUSE_STORE", "postgres://gate:s3cret@db.example/gatehouse");

        TestCli.Run run = cli.run("user", "list");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertFalse(run.err().contains("s3cret"), run::toString);
        assertTrue(run.err().contains("postgres://gate:****@db.example/gatehouse"), run::toString);
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        TestCli.Run run = cli.run("user", "lsit");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("gatehouse: Unmatched argument at index 1: 'lsit'"), run::toString);
        assertTrue(run.err().contains("Did you mean: user ls?"), run::toString);
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
