package dev.gatehouse.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.IdentityLinkStoreContract;
import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.identities.IdentityLink;
import dev.gatehouse.core.model.identities.ProviderName;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gatehouse-identities.json beside users.json: readable by hand, owner-only, and a damaged file is kept. */
class IdentitiesFileTest {

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("gatehouse-identities.json");
    }

    @Test
    void linksAreGroupedByProviderAndSubjectAsDocumented() throws IOException {
        IdentityLink link = IdentityLinkStoreContract.link(ProviderName.GITHUB, "583231", "alice", Samples.T0);
        JsonStores.open(directory).identities().insert(link);
        assertEquals("""
                {
                  "github": {
                    "583231": {
                      "username": "alice",
                      "login": "alice-at-github",
                      "linkedAt": "2025-03-15T10:30:00.123Z"
                    }
                  }
                }""", Files.readString(file()).strip());
    }

    @Test
    void aLinkWrittenByHandIsRead() throws IOException {
        Files.writeString(file(), "{\"keycloak\": {\"f:1001\": {\"username\": \"alice\", \"login\": \"alice@corp\","
                + " \"email\": \"alice@corp.example\", \"linkedAt\": \"2025-03-15T10:30:00Z\","
                + " \"lastUsedAt\": \"2025-03-16T08:00:00.5Z\"}}}");
        IdentityLink read = JsonStores.open(directory).identities().find(ProviderName.of("keycloak"), "f:1001").orElseThrow();
        assertEquals(Username.of("alice"), read.username());
        assertEquals(Optional.of("alice@corp.example"), read.email());
        assertEquals(Optional.of(java.time.Instant.parse("2025-03-16T08:00:00.500Z")), read.lastUsedAt());
    }

    @Test
    void aDamagedLinksFileIsReportedAndKept() throws IOException {
        String content = "{\"github\": {\"583231\": {\"username\": \"alice\", \"login\": \"octocat\","
                + " \"linkedAt\": \"yesterday\"}}}";
        Files.writeString(file(), content);
        Stores stores = JsonStores.open(directory);

        StoreException error = assertThrows(StoreException.class,
                () -> stores.identities().find(ProviderName.GITHUB, "583231"));
        assertTrue(error.getMessage().contains(file().toRealPath() + " has the github identity \"583231\" whose"
                + " \"linkedAt\" is \"yesterday\" (text); it must be an ISO-8601 instant"), error.getMessage());
        assertThrows(StoreException.class, () -> stores.identities().insert(
                IdentityLinkStoreContract.link(ProviderName.GITHUB, "1", "bob", Samples.T0)));
        assertThrows(StoreException.class, () -> stores.identities().deleteAllFor(Username.of("alice")));
        assertEquals(content, Files.readString(file()));
    }

    @Test
    void aProviderNameGatehouseCannotUseIsReportedWithWhatToDo() throws IOException {
        Files.writeString(file(), "{\"Git Hub\": {}}");
        StoreException error = assertThrows(StoreException.class,
                () -> JsonStores.open(directory).identities().listFor(Username.of("alice")));
        assertTrue(error.getMessage().contains("has links of a provider named \"Git Hub\""), error.getMessage());
    }

    @Test
    void aSubjectLinkedTwiceInTheFileIsAnErrorNotLastOneWins() throws IOException {
        Files.writeString(file(), "{\"github\": {\"1\": {\"username\": \"alice\", \"login\": \"a\", \"linkedAt\":"
                + " \"2025-03-15T10:30:00Z\"}, \"1\": {\"username\": \"mallory\", \"login\": \"m\", \"linkedAt\":"
                + " \"2025-03-15T10:30:00Z\"}}}");
        StoreException error = assertThrows(StoreException.class,
                () -> JsonStores.open(directory).identities().find(ProviderName.GITHUB, "1"));
        assertTrue(error.getMessage().contains("Duplicate field '1'"), error.getMessage());
    }

    @Test
    void theLinksFileIsOwnerOnly() throws IOException {
        JsonStores.open(directory).identities().insert(
                IdentityLinkStoreContract.link(ProviderName.GITHUB, "1", "alice", Samples.T0));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    }
}
