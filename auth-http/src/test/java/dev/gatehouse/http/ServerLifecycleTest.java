package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.http.config.ServerSettings;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server owns its store: opened from the URL at start, closed when the server stops. */
class ServerLifecycleTest {

    @Test
    void stoppingTheServerClosesTheStore() throws Exception {
        Path file = Files.createTempDirectory("gatehouse-http-").resolve("gatehouse.db");
        EmbeddedServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0, "sqlite:" + file, List.of()));
        Stores stores = server.getApplicationContext().getBean(Stores.class);
        assertTrue(server.getPort() > 0, "port 0 picks a free port");
        assertEquals(0, stores.users().count());
        server.stop();
        assertFalse(server.getApplicationContext().isRunning());
        assertThrows(StoreException.class, () -> stores.users().count());
    }

    @Test
    void aJsonDirectoryServesAsWellAsADatabase() throws Exception {
        Path dir = Files.createTempDirectory("gatehouse-json-");
        EmbeddedServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0, "json:" + dir, List.of()));
        try {
            assertEquals(0, server.getApplicationContext().getBean(Stores.class).users().count());
        } finally {
            server.stop();
        }
    }

    @Test
    void aBadStoreUrlStopsTheStartWithAMessage() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> GatehouseServer.start(
                new ServerSettings("127.0.0.1", 0, "ftp://nowhere", List.of())));
        assertTrue(String.valueOf(rootMessage(e)).contains("ftp://nowhere"), rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
