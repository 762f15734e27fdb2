package dev.gatehouse.cli.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.cli.testing.TestCli;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListUsersCommandTest {

    @TempDir
    Path home;
    TestCli cli;

    @BeforeEach
    void setUp() {
        cli = new TestCli(home);
    }

    private void threeUsers() {
        cli.addUser("admin");
        cli.addUser("alice");
        cli.addUser("bob");
        cli.signIn("alice", TestCli.PASSWORD);
        cli.run("user", "lock", "bob", "--reason", "On vacation until March");
        cli.clock = Clock.fixed(TestCli.NOW.plus(Duration.ofDays(3)), ZoneOffset.UTC);
    }

    @Test
    void theTableShowsRolesStatusCreationAndLastSignIn() {
        threeUsers();

        TestCli.Run run = cli.run("user", "list");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\n",
                "USERNAME  ROLES        STATUS                           CREATED              LAST LOGIN",
                "admin     Admin, User  Active                           2025-03-15 10:30:00  never",
                "alice     User         Active                           2025-03-15 10:30:00  192.0.2.7 (3 days ago)",
                "bob       User         Locked: On vacation until March  2025-03-15 10:30:00  never",
                ""), run.out());
    }

    @Test
    void jsonOutputIsAnArrayWithStableFieldNames() throws Exception {
        threeUsers();

        TestCli.Run run = cli.run("user", "list", "--json");

        assertEquals(0, run.exitCode(), run::toString);
        JsonNode users = new ObjectMapper().readTree(run.out());
        assertTrue(users.isArray());
        assertEquals(3, users.size());
        JsonNode admin = users.get(0);
        assertEquals(List.of("username", "roles", "status", "created", "signIn"), fieldNames(admin));
        assertEquals("admin", admin.get("username").asText());
        assertEquals("[\"Admin\",\"User\"]", admin.get("roles").toString());
        assertEquals("Active", admin.get("status").asText());
        assertEquals("[\"password\"]", admin.get("signIn").toString());
        assertEquals("2025-03-15T10:30:00Z", admin.get("created").asText());
        JsonNode alice = users.get(1);
        assertEquals(List.of("username", "roles", "status", "created", "lastLogin", "lastIp", "signIn"), fieldNames(alice));
        assertEquals("2025-03-15T10:30:00Z", alice.get("lastLogin").asText());
        assertEquals("192.0.2.7", alice.get("lastIp").asText());
        JsonNode bob = users.get(2);
        assertEquals(List.of("username", "roles", "status", "lockReason", "lockedAt", "created", "signIn"), fieldNames(bob));
        assertEquals("Locked", bob.get("status").asText());
        assertEquals("On vacation until March", bob.get("lockReason").asText());
    }

    @Test
    void anEmailGivenAtRegistrationShowsInTheTableAndTheJson() throws Exception {
        cli.addUser("admin");
        cli.addUser("carol");
        try (var stores = cli.openStore()) {
            stores.users().update(dev.gatehouse.core.model.accounts.Username.of("carol"),
                    user -> user.withEmail(java.util.Optional.of("carol@example.org")));
        }

        assertEquals(String.join("\n",
                "USERNAME  EMAIL              ROLES        STATUS  CREATED              LAST LOGIN",
                "admin     -                  Admin, User  Active  2025-03-15 10:30:00  never",
                "carol     carol@example.org  User         Active  2025-03-15 10:30:00  never",
                ""), cli.run("user", "list").out());
        JsonNode users = new ObjectMapper().readTree(cli.run("user", "list", "--json").out());
        assertEquals(List.of("username", "roles", "status", "created", "signIn"), fieldNames(users.get(0)));
        assertEquals(List.of("username", "email", "roles", "status", "created", "signIn"), fieldNames(users.get(1)));
        assertEquals("carol@example.org", users.get(1).get("email").asText());
    }

    @Test
    void jsonEscapesWhatJsonNeedsEscaped() throws Exception {
        cli.addUser("admin");
        cli.addUser("zoë \"quoted\"");
        cli.run("user", "lock", "zoë \"quoted\"", "--reason", "say \"hi\" \\ back");

        JsonNode users = new ObjectMapper().readTree(cli.run("user", "list", "--json").out());

        assertEquals("zoë \"quoted\"", users.get(1).get("username").asText());
        assertEquals("say \"hi\" \\ back", users.get(1).get("lockReason").asText());
        assertFalse(cli.run("user", "list", "--json").out().contains("ë"), "non-ASCII is escaped");
    }

    @Test
    void anEmptyStoreSaysHowToStart() {
        TestCli.Run run = cli.run("user", "list");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("No users yet; add the first administrator with: gatehouse user add admin\n", run.out());
        assertEquals("[]\n", cli.run("user", "list", "--json").out());
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
