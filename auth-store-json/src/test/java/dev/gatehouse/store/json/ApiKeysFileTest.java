package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.apikeys.ApiKey;
import dev.gatehouse.core.model.apikeys.ApiKeyId;
import dev.gatehouse.core.port.out.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gatehouse-api-keys.json is readable by people, holds no secrets, and is written once per batch of uses. */
class ApiKeysFileTest {

    @TempDir
    Path directory;

    @Test
    void theFileHoldsOneEntryPerKeyIdWithTheDigestAndNoSecret() throws IOException {
        ApiKey key = Samples.fullApiKey("alice");
        JsonStores.open(directory).apiKeys().insert(key);
        String text = Files.readString(directory.resolve("gatehouse-api-keys.json"));
        assertTrue(text.startsWith("{\n  \"" + key.id() + "\": {\n    \"owner\": \"alice\",\n"), text);
        assertTrue(text.contains("\"digest\": \"" + key.digest() + "\""), text);
        assertTrue(text.contains("\"scopes\": [\n      \"chat\",\n      \"embeddings\",\n      \"models:llama-*\"\n    ]"), text);
        assertTrue(text.contains("\"origin\": \"minted\""), text);
        assertFalse(text.contains("legacyVerifier"), text);
    }

    @Test
    void anImportedKeyHasNoDigestButItsVerifier() throws IOException {
        ApiKey key = Samples.importedApiKey("bob");
        Stores stores = JsonStores.open(directory);
        stores.apiKeys().insert(key);
        String text = Files.readString(directory.resolve("gatehouse-api-keys.json"));
        assertFalse(text.contains("\"digest\""), text);
        assertTrue(text.contains("\"legacyVerifier\": \"llmux-sha256:"), text);
        assertEquals(key, JsonStores.open(directory).apiKeys().find(key.id()).orElseThrow());
    }

    @Test
    void aBatchOfUsesIsOneWriteAndUsesThatChangeNothingWriteNothing() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FilePermissions.POSIX, "inode numbers are a POSIX notion");
        Stores stores = JsonStores.open(directory);
        ApiKey one = Samples.apiKey("alice", Samples.T0);
        ApiKey two = Samples.apiKey("bob", Samples.T0);
        stores.apiKeys().insert(one);
        stores.apiKeys().insert(two);
        Path file = directory.resolve("gatehouse-api-keys.json");
        Object before = Files.readAttributes(file, "unix:ino").get("ino");
        stores.apiKeys().touch(Map.of(one.id(), Samples.T0.plusSeconds(5), two.id(), Samples.T0.plusSeconds(6)));
        Object afterBatch = Files.readAttributes(file, "unix:ino").get("ino");
        assertFalse(before.equals(afterBatch), "the batch replaced the file");
        stores.apiKeys().touch(Map.of(one.id(), Samples.T0, new ApiKeyId("nosuchkey"), Samples.T0));
        assertEquals(afterBatch, Files.readAttributes(file, "unix:ino").get("ino"), "nothing to change, nothing written");
    }
}
