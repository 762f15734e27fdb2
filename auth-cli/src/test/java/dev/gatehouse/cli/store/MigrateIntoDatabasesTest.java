package dev.gatehouse.cli.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.port.in.SignIn;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise, end to end through the CLI: an llms.py users.json moves into SQLite and
 * into PostgreSQL, and its users sign in there with the passwords they had.
 */
class MigrateIntoDatabasesTest {

    @TempDir
    Path root;
    Path llms;
    TestCli cli;

    @BeforeEach
    void anLlmsPyStore() throws IOException {
        llms = Files.createDirectories(root.resolve("llms/credentials"));
        try (InputStream fixture = getClass().getResourceAsStream("/llms-py/users.json")) {
            Files.copy(fixture, llms.resolve("users.json"));
        }
        cli = new TestCli(root.resolve("home"));
    }

    private void migratesAndSignsIn(String target) {
        TestCli.Run run = cli.run("store", "migrate", "--from", "json:" + llms, "--to", target);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Copied 3 users"), run::toString);

        TestCli there = new TestCli(root.resolve("other-home"));
        there.variables.put("GATEHOUSE_STORE", target);
        assertInstanceOf(SignIn.SignedIn.class, there.signIn("admin", "correct horse"));
        assertInstanceOf(SignIn.SignedIn.class, there.signIn("alice", "correct horse"));
        assertEquals(new SignIn.AccountLocked("On vacation until March"), there.signIn("bob", "correct horse"));
        TestCli.Run listed = there.run("user", "list");
        assertTrue(listed.out().contains("Locked: On vacation until March"), listed::toString);

        TestCli.Run again = cli.run("store", "migrate", "--from", "json:" + llms, "--to", target);
        assertTrue(again.out().startsWith("Nothing new to copy"), again::toString);
    }

    @Test
    void anLlmsPyStoreMovesIntoSqlite() {
        migratesAndSignsIn("sqlite:" + root.resolve("gatehouse.db"));
    }

    @Test
    void anLlmsPyStoreMovesIntoPostgres() throws Exception {
        String url = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
        if (url == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true but GATEHOUSE_TEST_POSTGRES_URL is not set; .ci/run sets it.");
            }
            assumeTrue(false, "GATEHOUSE_TEST_POSTGRES_URL is not set: no PostgreSQL to test against");
        }
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        String schema = "gh_cli_" + HexFormat.of().formatHex(random);
        URI uri = URI.create(url);
        String[] credentials = uri.getUserInfo().split(":", 2);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
        try (Connection admin = DriverManager.getConnection(jdbc, credentials[0], credentials[1]);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            try {
                migratesAndSignsIn(url + "?currentSchema=" + schema);
            } finally {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
