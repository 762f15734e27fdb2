package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.rights.ModelAccess;
import dev.gatehouse.core.model.rights.Permissions;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gatehouse-permissions.json: readable by people, and a damaged one is reported and never overwritten. */
class PermissionsFileTest {

    @TempDir
    Path directory;

    @Test
    void theFileNamesFeaturesAndModelsAsAPersonWouldWriteThem() throws IOException {
        Files.writeString(directory.resolve(JsonPermissionStore.FILE_NAME), """
                {"alice": {"features": {"chat": true, "images": false}, "models": ["llama-*", "mistral"]},
                 "bob": {"models": "all"}}
                """);
        Stores stores = JsonStores.open(directory);
        assertEquals(Optional.of(new Permissions(Map.of("chat", true, "images", false),
                ModelAccess.only(List.of("llama-*", "mistral")))), stores.permissions().find(Username.of("alice")));
        assertEquals(Optional.of(Permissions.DEFAULT), stores.permissions().find(Username.of("bob")));
    }

    @Test
    void aDamagedFileIsReportedAndNeverOverwritten() throws IOException {
        Path file = directory.resolve(JsonPermissionStore.FILE_NAME);
        String damaged = "{\"alice\": {\"features\": {\"chat\": \"yes\"}}}";
        Files.writeString(file, damaged);
        Stores stores = JsonStores.open(directory);
        StoreException error = assertThrows(StoreException.class, () -> stores.permissions().find(Username.of("alice")));
        assertTrue(error.getMessage().contains("has the user \"alice\" whose \"features\""), error.getMessage());
        assertTrue(error.getMessage().endsWith("restore it from a backup or fix it by hand."), error.getMessage());
        assertThrows(StoreException.class, () -> stores.permissions().put(Username.of("bob"), Permissions.DEFAULT));
        assertThrows(StoreException.class, () -> stores.permissions().remove(Username.of("alice")));
        assertEquals(damaged, Files.readString(file));
    }

    @Test
    void aFeatureNameGatehouseCannotUseIsReported() throws IOException {
        Files.writeString(directory.resolve(JsonPermissionStore.FILE_NAME), "{\"alice\": {\"features\": {\"Chat\": true}}}");
        StoreException error = assertThrows(StoreException.class,
                () -> JsonStores.open(directory).permissions().all());
        assertTrue(error.getMessage().contains("'Chat' is not a feature name"), error.getMessage());
    }
}
