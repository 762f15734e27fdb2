package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.InviteStoreContract;
import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gatehouse-invites.json beside users.json, and the email key in users.json entries. */
class InvitesFileTest {

    @TempDir
    Path directory;

    @Test
    void aDamagedInvitesFileIsReportedAndKept() throws IOException {
        Path file = directory.resolve("gatehouse-invites.json");
        String content = "{\"invite00000001\": {\"digest\": \"" + "ab".repeat(32) + "\", \"displayPrefix\": \"inv_Ab3dEf\","
                + " \"createdBy\": \"admin\", \"createdAt\": \"2025-03-15T10:30:00Z\","
                + " \"expiresAt\": \"2025-03-22T10:30:00Z\", \"maxUses\": \"one\"}}";
        Files.writeString(file, content);
        Stores stores = JsonStores.open(directory);

        StoreException error = assertThrows(StoreException.class, () -> stores.invites().findByDigest("ab".repeat(32)));
        assertTrue(error.getMessage().contains(file.toRealPath() + " has the invite \"invite00000001\" whose"
                + " \"maxUses\" is \"one\" (text); it must be a whole number"), error.getMessage());
        assertThrows(StoreException.class, () -> stores.invites().insert(
                InviteStoreContract.invite("invite00000002", Samples.T0, 1)));
        assertEquals(content, Files.readString(file));
    }

    @Test
    void theInvitesFileIsOwnerOnly() throws IOException {
        JsonStores.open(directory).invites().insert(InviteStoreContract.invite("invite00000001", Samples.T0, 1));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(directory.resolve("gatehouse-invites.json"))));
    }

    @Test
    void anEmailIsKeptUnderItsOwnKeyAndOldEntriesWithoutOneStillRead() throws IOException {
        Files.writeString(directory.resolve("users.json"), "{\"old\": {\"password_hash\": \"a:b\", \"created\": 1,"
                + " \"roles\": [], \"theme\": \"dark\"}}");
        Stores stores = JsonStores.open(directory);
        assertEquals(Optional.empty(), stores.users().find(Username.of("old")).orElseThrow().email());
        User withEmail = Samples.user("new").withEmail(Optional.of("new@example.org"));
        stores.users().insert(withEmail);
        String json = Files.readString(directory.resolve("users.json"));
        assertTrue(json.contains("\"email\": \"new@example.org\""), json);
        assertTrue(json.contains("\"theme\": \"dark\""), "unknown keys are kept: " + json);
        assertEquals(Optional.of(withEmail), JsonStores.open(directory).users().find(Username.of("new")));
    }
}
