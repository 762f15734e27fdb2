package dev.gatehouse.cli.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.testing.TestCli;
import dev.gatehouse.core.port.in.SignIn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI works on a users.json written by llms.py, and leaves it readable by llms.py. */
class LlmsPyStoreTest {

    @TempDir
    Path llmsCredentials;
    TestCli cli;
    String store;

    @BeforeEach
    void copyTheFixture() throws IOException {
        try (InputStream fixture = getClass().getResourceAsStream("/llms-py/users.json")) {
            Files.copy(fixture, llmsCredentials.resolve("users.json"));
        }
        cli = new TestCli(llmsCredentials.resolveSibling("unused-home"));
        cli.clock = Clock.fixed(Instant.parse("2025-03-20T09:00:00Z"), ZoneOffset.UTC);
        store = "json:" + llmsCredentials;
    }

    @Test
    void userListShowsLlmsPyUsers() {
        TestCli.Run run = cli.run("--store", store, "user", "list");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "USERNAME  ROLES        STATUS                           CREATED              LAST LOGIN",
                "admin     Admin, User  Active                           2025-03-15 10:30:00  never",
                "alice     User         Active                           2025-03-15 11:00:00  192.168.1.20 (3 days ago)",
                "bob       User         Locked: On vacation until March  2025-03-16 09:15:00  never",
                ""), run.out());
    }

    @Test
    void listusersPrintsWhatLlmsPyWouldPrint() {
        assertEquals("  admin  (created: 2025-03-15 10:30:00)\n"
                + "  alice  (created: 2025-03-15 11:00:00)\n"
                + "  bob    (created: 2025-03-16 09:15:00)  LOCKED: On vacation until March\n",
                cli.run("--store", store, "--listusers").out());
    }

    @Test
    void lockUnlockAndRemoveWorkAndUnknownFieldsSurvive() throws IOException {
        assertEquals(0, cli.run("--store", store, "user", "unlock", "bob").exitCode());
        assertEquals(0, cli.run("--store", store, "user", "lock", "alice", "--reason", "Left").exitCode());
        assertEquals(ExitCodes.REFUSED, cli.run("--store", store, "user", "lock", "admin").exitCode());
        assertEquals(0, cli.run("--store", store, "user", "remove", "alice").exitCode());

        String usersJson = Files.readString(llmsCredentials.resolve("users.json"));
        assertTrue(usersJson.contains("\"favouriteColour\": \"green\"") || usersJson.contains("\"favouriteColour\":\"green\""),
                usersJson);
        assertFalse(usersJson.contains("\"alice\""), usersJson);
        assertFalse(usersJson.contains("On vacation"), usersJson);
    }

    @Test
    void llmsPyPasswordsStillSignIn() {
        TestCli signer = new TestCli(llmsCredentials);

        assertInstanceOf(SignIn.SignedIn.class, signer.signIn("admin", "correct horse"));
    }
}
