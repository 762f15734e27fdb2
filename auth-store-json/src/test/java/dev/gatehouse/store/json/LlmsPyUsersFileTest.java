package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.LastLogin;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.port.out.UserStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gatehouse reads and writes users.json exactly as llms.py has it (fixture written by Python's json.dump). */
class LlmsPyUsersFileTest {

    static final String ARGON2 = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";

    @TempDir
    Path directory;

    private Path usersFile;
    private byte[] original;
    private UserStore users;

    @BeforeEach
    void copyTheLlmsPyFile() throws IOException {
        usersFile = directory.resolve("users.json");
        try (InputStream in = getClass().getResourceAsStream("/llms-users.json")) {
            original = in.readAllBytes();
        }
        Files.write(usersFile, original);
        users = JsonStores.open(directory).users();
    }

    private static Username name(String value) {
        return Username.of(value);
    }

    private JsonNode writtenTree() throws IOException {
        return new ObjectMapper().readTree(usersFile.toFile());
    }

    private JsonNode originalTree() throws IOException {
        return new ObjectMapper().readTree(original);
    }

    @Test
    void listingShowsLlmsPyUsersOldestFirstWithTheirRolesLocksAndTimes() {
        List<User> listed = users.list();
        assertEquals(List.of("admin", "alice", "bob", "carol", "dave"),
                listed.stream().map(u -> u.username().value()).toList());

        User admin = listed.get(0);
        assertTrue(admin.isAdmin());
        assertEquals(Instant.parse("2025-03-15T10:30:00.123Z"), admin.createdAt(), "floats are cut to the millisecond");
        assertEquals(Optional.of("00112233445566778899aabbccddeeff:"
                + "82c4a00827ca8a6b9dde5ca9589ef0e26f6a1006d22108e58f09f7efae6f97fe"), admin.passwordHash());

        User alice = listed.get(1);
        assertEquals(Set.of(Role.USER), alice.roles());
        assertEquals(UserStatus.ACTIVE, alice.status());
        assertEquals(Optional.of(new LastLogin(Instant.parse("2025-03-15T10:30:00.587Z"), "198.51.100.23")),
                alice.lastLogin());

        User bob = listed.get(2);
        assertEquals(new UserStatus.Locked("On vacation until March", Optional.empty()), bob.status());

        assertTrue(listed.get(3).isAdmin(), "carol's Admin next to an unknown role");
        assertFalse(listed.get(4).isAdmin(), "dave has only an unknown role");
        assertEquals(Instant.ofEpochSecond(1742300000), listed.get(4).createdAt(), "an int is read as seconds too");
    }

    @Test
    void lockingThenUnlockingLeavesTheFileExactlyAsLlmsPyWroteIt() throws IOException {
        Instant at = Instant.parse("2025-04-01T08:00:00.250Z");
        users.update(name("carol"), u -> u.withStatus(UserStatus.locked("Left the team", at)));

        JsonNode carol = writtenTree().get("carol");
        assertEquals("Left the team", carol.get("locked").textValue());
        assertEquals(1743494400.25, carol.get("lockedAt").doubleValue());
        assertEquals("[\"Admin\",\"Editor\"]", carol.get("roles").toString(), "unknown role kept");
        assertEquals("Carol Q.", carol.get("displayName").textValue(), "unknown field kept");

        users.update(name("carol"), u -> u.withStatus(UserStatus.ACTIVE));
        assertEquals(new String(original), Files.readString(usersFile));
    }

    @Test
    void unlockingAnLlmsPyLockRemovesTheReason() throws IOException {
        users.update(name("bob"), u -> u.withStatus(UserStatus.ACTIVE));
        JsonNode bob = writtenTree().get("bob");
        assertFalse(bob.has("locked"));
        assertFalse(bob.has("lockedAt"));
        assertEquals(UserStatus.ACTIVE, users.find(name("bob")).orElseThrow().status());
    }

    @Test
    void rehashingAPasswordChangesOnlyTheHash() throws IOException {
        users.update(name("dave"), u -> u.withPasswordHash(ARGON2));
        ObjectNode expected = (ObjectNode) originalTree();
        ((ObjectNode) expected.get("dave")).put("password_hash", ARGON2);
        assertEquals(expected, writtenTree(), "theme, the int 'created' and the Editor role stay as they were");
        assertTrue(Files.readString(usersFile).contains("\"created\": 1742300000,"));
    }

    @Test
    void changingAdminRightsKeepsEveryOtherRoleString() throws IOException {
        users.update(name("carol"), u -> u.withRoles(Set.of(Role.USER)));
        users.update(name("dave"), u -> u.withRoles(Set.of(Role.ADMIN)));
        assertEquals("[\"Editor\"]", writtenTree().get("carol").get("roles").toString());
        assertEquals("[\"Admin\",\"Editor\"]", writtenTree().get("dave").get("roles").toString());
    }

    @Test
    void aSignInRecordsLastIpAndLastLoginAsLlmsPyDoes() throws IOException {
        Instant at = Instant.parse("2025-05-01T12:00:00.007Z");
        users.update(name("bob"), u -> u.withLastLogin(new LastLogin(at, "203.0.113.5")));
        JsonNode bob = writtenTree().get("bob");
        assertEquals("203.0.113.5", bob.get("lastIp").textValue());
        assertTrue(Files.readString(usersFile).contains("\"lastLogin\": 1746100800.007\n"), "seconds with milliseconds");
        assertEquals("On vacation until March", bob.get("locked").textValue());
    }

    @Test
    void newUsersAreAppendedInLlmsPyLayout() throws IOException {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        users.insert(User.create(name("erin"), ARGON2, Set.of(Role.ADMIN), now));
        users.insert(User.create(name("frank"), ARGON2, Set.of(), now.plusMillis(1)));
        users.insert(new User(name("gina"), Optional.empty(), Set.of(), UserStatus.PENDING, now, Optional.empty()));

        JsonNode tree = writtenTree();
        assertEquals(List.of("admin", "alice", "bob", "carol", "dave", "erin", "frank", "gina"), fieldNames(tree));
        assertEquals(List.of("password_hash", "created", "roles"), fieldNames(tree.get("erin")));
        assertEquals("[\"Admin\"]", tree.get("erin").get("roles").toString());
        String text = Files.readString(usersFile);
        assertTrue(text.contains("\"created\": 1748736000.0,"), "a whole second is still a float, as Python writes it");
        assertEquals("[]", tree.get("frank").get("roles").toString());
        assertTrue(text.contains("\"created\": 1748736000.001,"));
        assertEquals(List.of("created", "roles", "status"), fieldNames(tree.get("gina")), "no hash: no password_hash");
        assertEquals("pending", tree.get("gina").get("status").textValue());
        assertEquals(Optional.empty(), users.find(name("gina")).orElseThrow().passwordHash());
    }

    @Test
    void theWrittenFileIsWhatPythonsJsonDumpWouldWrite() throws Exception {
        users.update(name("alice"), u -> u.withStatus(UserStatus.locked("Account suspended", Instant.now())));
        users.insert(User.create(name("erin"), ARGON2, Set.of(Role.ADMIN), Instant.now()));
        users.delete(name("dave"));

        String script = String.join("\n",
                "import json, sys",
                "text = open(sys.argv[1]).read()",
                "users = json.loads(text)",
                "assert json.dumps(users, indent=2) == text, 'not json.dump(indent=2) output'",
                "for name, u in users.items():",
                "    assert isinstance(u['password_hash'], str), name",
                "    assert isinstance(u['created'], (int, float)), name",
                "    assert isinstance(u['roles'], list) and all(isinstance(r, str) for r in u['roles']), name",
                "    assert isinstance(u.get('locked', ''), str), name",
                "    assert isinstance(u.get('lastLogin', 0.0), (int, float)), name",
                "print(len(users))");
        Optional<String> printed = Python.run(script, usersFile);
        assumeTrue(printed.isPresent(), "python3 is not installed here");
        assertEquals("5", printed.get().strip());
    }

    @Test
    void theStructureIsWhatLlmsPyExpects() throws IOException {
        users.update(name("alice"), u -> u.withStatus(UserStatus.locked(null, Instant.now())));
        JsonNode tree = writtenTree();
        assertTrue(tree.isObject());
        tree.properties().forEach(entry -> {
            JsonNode user = entry.getValue();
            assertTrue(user.get("password_hash").isTextual(), entry.getKey());
            assertTrue(user.get("created").isNumber(), entry.getKey());
            assertTrue(user.get("roles").isArray(), entry.getKey());
            user.get("roles").forEach(role -> assertTrue(role.isTextual()));
            assertTrue(!user.has("locked") || user.get("locked").isTextual(), entry.getKey());
            assertTrue(!user.has("lastLogin") || user.get("lastLogin").isFloatingPointNumber(), entry.getKey());
            assertTrue(!user.has("lastIp") || user.get("lastIp").isTextual(), entry.getKey());
        });
        assertEquals("Account suspended", tree.get("alice").get("locked").textValue(), "llms.py's default reason");
    }

    @Test
    void gatehouseKeepsItsOwnDataOutOfLlmsPysFiles() throws IOException {
        Stores stores = JsonStores.open(directory);
        stores.sessions().save(Samples.session("alice", Instant.now()));
        stores.audit().append(new AuditEvent(Instant.now(), "auth.sign_in", "alice",
                Optional.of(name("alice")), "", AuditEvent.Outcome.SUCCESS, Map.of()));
        stores.secrets().getOrCreate("token-digest-key", () -> new byte[32]);

        assertArrayEquals(original, Files.readAllBytes(usersFile));
        assertFalse(Files.exists(directory.resolve("sessions")), "llms.py's sessions/ folder is llms.py's");
        try (var files = Files.list(directory)) {
            assertEquals(List.of(".gatehouse.lock", "gatehouse-audit.jsonl", "gatehouse-keys.json",
                    "gatehouse-sessions.json", "users.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
