package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.AuditLog.Query;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A damaged file is reported with its path, what is wrong and what to do; it is never overwritten. */
class CorruptFilesTest {

    @TempDir
    Path directory;

    static Stream<Arguments> damagedUsersFiles() {
        return Stream.of(
                Arguments.of("truncated", "{\n  \"admin\": {\n    \"password_hash\": \"abc\",\n",
                        "is not valid JSON at line 4, column 1"),
                Arguments.of("a top-level array", "[\n  {\"admin\": {}}\n]", "holds an array at the top level"),
                Arguments.of("an entry that is not an object", "{\"bob\": \"secret\"}",
                        "has the user \"bob\" that is \"secret\" (text), not an object"),
                Arguments.of("a created that is text", "{\"bob\": {\"created\": \"yesterday\", \"roles\": []}}",
                        "has the user \"bob\" whose \"created\" is \"yesterday\" (text); it must be a number"),
                Arguments.of("no created", "{\"bob\": {\"password_hash\": \"a:b\", \"roles\": []}}",
                        "has the user \"bob\" without \"created\""),
                Arguments.of("roles that are not an array", "{\"bob\": {\"created\": 1, \"roles\": \"Admin\"}}",
                        "whose \"roles\" is \"Admin\" (text)"),
                Arguments.of("a role that is not text", "{\"bob\": {\"created\": 1, \"roles\": [1]}}",
                        "whose \"roles\" is an array; it must be an array of role names (text)"),
                Arguments.of("a lock reason that is a number", "{\"bob\": {\"created\": 1, \"locked\": 7}}",
                        "whose \"locked\" is 7 (a number)"),
                Arguments.of("an unknown status", "{\"bob\": {\"created\": 1, \"status\": \"disabled\"}}",
                        "whose \"status\" is \"disabled\" (text); it must be \"pending\""),
                Arguments.of("a name with a slash", "{\"a/b\": {\"created\": 1}}",
                        "has a user named \"a/b\" that Gatehouse cannot use"),
                Arguments.of("a duplicated name", "{\"bob\": {\"created\": 1},\n \"bob\": {\"created\": 2}}",
                        "Duplicate field 'bob'"),
                Arguments.of("trailing garbage", "{}\n}", "is not valid JSON at line 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedUsersFiles")
    void aDamagedUsersFileIsReportedAndNeverOverwritten(String damage, String content, String problem)
            throws IOException {
        Path file = directory.resolve("users.json");
        Files.writeString(file, content);
        Stores stores = JsonStores.open(directory);

        StoreException error = assertThrows(StoreException.class, () -> stores.users().list());
        assertTrue(error.getMessage().startsWith(file.toRealPath() + " "), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
        assertTrue(error.getMessage().endsWith("Gatehouse left it untouched; restore it from a backup or fix it by hand."),
                error.getMessage());

        List<Consumer<Stores>> writes = List.of(
                s -> s.users().insert(Samples.user("carol")),
                s -> s.users().update(Username.of("bob"), u -> u.withStatus(UserStatus.ACTIVE)),
                s -> s.users().delete(Username.of("bob")));
        for (Consumer<Stores> write : writes) {
            StoreException refused = assertThrows(StoreException.class, () -> write.accept(stores));
            assertEquals(error.getMessage(), refused.getMessage());
        }
        assertEquals(content, Files.readString(file), "bytes unchanged");
        assertEquals(List.of(".gatehouse.lock", "users.json"), filesIn(directory), "no temp files left");
    }

    @Test
    void anEmptyOrMissingUsersFileMeansNoUsers() throws IOException {
        Stores stores = JsonStores.open(directory);
        assertEquals(0, stores.users().count());
        Files.write(directory.resolve("users.json"), new byte[0]);
        assertEquals(List.of(), stores.users().list());
        assertTrue(stores.users().insert(Samples.user("alice")));
        assertEquals(1, JsonStores.open(directory).users().count());
    }

    @Test
    void aDamagedSessionsFileIsReportedAndKept() throws IOException {
        Path file = directory.resolve("gatehouse-sessions.json");
        String content = "{\"abcdefgh\": {\"tokenDigest\": \"d\", \"username\": \"alice\", \"createdAt\": \"soon\"}}";
        Files.writeString(file, content);
        Stores stores = JsonStores.open(directory);

        StoreException error = assertThrows(StoreException.class, () -> stores.sessions().findByTokenDigest("d"));
        assertTrue(error.getMessage().contains(file.toRealPath() + " has the session \"abcdefgh\" whose \"createdAt\""
                + " is \"soon\" (text); it must be an ISO-8601 instant"), error.getMessage());
        assertThrows(StoreException.class, () -> stores.sessions().save(Samples.session("bob", Samples.T0)));
        assertEquals(content, Files.readString(file));
    }

    @Test
    void aDamagedApiKeysFileIsReportedAndKept() throws IOException {
        Path file = directory.resolve("gatehouse-api-keys.json");
        String content = "{\"Ab3dEf9Gh1Jk2Lm3\": {\"owner\": \"alice\", \"name\": \"ci\", \"digest\": \"" + "ab".repeat(32)
                + "\", \"displayPrefix\": \"gate_Ab3dEf9\", \"createdAt\": \"2025-03-15T10:30:00Z\","
                + " \"scopes\": \"chat\", \"origin\": \"minted\"}}";
        Files.writeString(file, content);
        Stores stores = JsonStores.open(directory);

        StoreException error = assertThrows(StoreException.class, () -> stores.apiKeys().findByDigest("ab".repeat(32)));
        assertTrue(error.getMessage().contains(file.toRealPath() + " has the API key \"Ab3dEf9Gh1Jk2Lm3\" whose"
                + " \"scopes\" is \"chat\" (text); it must be an array of text"), error.getMessage());
        assertThrows(StoreException.class, () -> stores.apiKeys().insert(Samples.apiKey("bob", Samples.T0)));
        assertEquals(content, Files.readString(file));
    }

    @Test
    void aDamagedKeyIsReportedWithoutRevealingIt() throws IOException {
        Path file = directory.resolve("gatehouse-keys.json");
        Files.writeString(file, "{\"token-digest-key\": \"not*base64*secret\"}");
        StoreException error = assertThrows(StoreException.class,
                () -> JsonStores.open(directory).secrets().getOrCreate("token-digest-key", () -> new byte[32]));
        assertTrue(error.getMessage().contains("has a key \"token-digest-key\" that is not base64"), error.getMessage());
        assertFalse(error.getMessage().contains("secret*"), "never echo key material");
    }

    @Test
    void aTornAuditLineIsReportedByLineAndLaterEventsStayWhole() throws IOException {
        Path file = directory.resolve("gatehouse-audit.jsonl");
        Stores stores = JsonStores.open(directory);
        stores.audit().append(created("event-0001"));
        Files.writeString(file, "{\"at\": \"2025-03-15T10:3", java.nio.file.StandardOpenOption.APPEND);
        stores.audit().append(created("event-0002"));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size());
        assertEquals(lines.get(0).replace("event-0001", "event-0002"), lines.get(2),
                "the new event is a whole line of its own");
        StoreException error = assertThrows(StoreException.class, () -> stores.audit().query(Query.latest(10)));
        assertTrue(error.getMessage().contains(file.toRealPath() + " has a line 2 that is not valid JSON"),
                error.getMessage());
    }

    @Test
    void aDamagedAuditLineDoesNotStopTheLogFromGrowingOrAcceptingCopies() throws IOException {
        Path file = directory.resolve("gatehouse-audit.jsonl");
        Stores stores = JsonStores.open(directory);
        stores.audit().append(created("event-0001"));
        Files.writeString(file, "not json\n", java.nio.file.StandardOpenOption.APPEND);
        stores.audit().append(created("event-0002"));
        stores.audit().append(created("event-0001"));
        JsonStores.open(directory).audit().append(created("event-0002"));

        assertEquals(3, Files.readAllLines(file, StandardCharsets.UTF_8).size(), "no event twice");
        assertThrows(StoreException.class, () -> stores.audit().page(Optional.empty(), 10));
    }

    private static AuditEvent created(String id) {
        return new AuditEvent(id, Samples.T0, "user.create", "operator", Optional.of(Username.of("alice")),
                "", AuditEvent.Outcome.SUCCESS, Map.of());
    }

    @Test
    void temporaryFilesACrashedWriterLeftAreRemovedOnOpen() throws IOException {
        Files.writeString(directory.resolve(".users.json.123456.tmp"), "{\"half");
        Files.writeString(directory.resolve(".gatehouse-sessions.json.99.tmp"), "{");
        Files.writeString(directory.resolve("notes.tmp"), "mine");
        JsonStores.open(directory);
        assertEquals(List.of(".gatehouse.lock", "notes.tmp"), filesIn(directory));
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
