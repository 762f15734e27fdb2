package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.port.out.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files Gatehouse creates are readable by their owner only; an existing users.json keeps its mode. */
class FileModesTest {

    @TempDir
    Path directory;

    @BeforeEach
    void onPosixOnly() {
        assumeTrue(FilePermissions.POSIX, "file modes are POSIX");
    }

    private String mode(String file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(file)));
    }

    @Test
    void newFilesAreOwnerOnly() throws IOException {
        Stores stores = JsonStores.open(directory.resolve("credentials"));
        directory = directory.resolve("credentials");
        stores.users().insert(Samples.user("alice"));
        stores.sessions().save(Samples.session("alice", Samples.T0));
        stores.audit().append(new AuditEvent(Samples.T0, "user.create", "operator", Optional.empty(), "",
                AuditEvent.Outcome.SUCCESS, Map.of()));
        stores.secrets().getOrCreate("token-digest-key", () -> new byte[32]);
        stores.apiKeys().insert(Samples.apiKey("alice", Samples.T0));
        for (String file : new String[] {"users.json", "gatehouse-sessions.json", "gatehouse-audit.jsonl",
                "gatehouse-keys.json", "gatehouse-api-keys.json", ".gatehouse.lock"}) {
            assertEquals("rw-------", mode(file), file);
        }
    }

    @Test
    void anExistingUsersFileKeepsItsMode() throws IOException {
        Path file = directory.resolve("users.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--")); // as llms.py leaves it
        Stores stores = JsonStores.open(directory);
        stores.users().insert(Samples.user("alice"));
        stores.users().update(Username.of("alice"), u -> u.withStatus(UserStatus.locked("x", Instant.now())));
        assertEquals("rw-r--r--", mode("users.json"));
    }

    @Test
    void theApiKeyFileIsOwnerOnlyEvenIfSomeoneOpenedItUp() throws IOException {
        Path file = directory.resolve("gatehouse-api-keys.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        JsonStores.open(directory).apiKeys().insert(Samples.apiKey("alice", Samples.T0));
        assertEquals("rw-------", mode("gatehouse-api-keys.json"));
    }

    @Test
    void theKeyFileIsOwnerOnlyEvenIfSomeoneOpenedItUp() throws IOException {
        Path file = directory.resolve("gatehouse-keys.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        JsonStores.open(directory).secrets().getOrCreate("token-digest-key", () -> new byte[32]);
        assertEquals("rw-------", mode("gatehouse-keys.json"));
    }
}
