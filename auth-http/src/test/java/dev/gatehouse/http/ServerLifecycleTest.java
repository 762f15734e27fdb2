package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.wiring.KeyUseFlush;
import dev.gatehouse.http.wiring.SessionPurge;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.annotation.Scheduled;
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
    void theBackgroundJobsAreScheduledInTheServersOwnContext() throws Exception {
        Path file = Files.createTempDirectory("gatehouse-http-").resolve("gatehouse.db");
        EmbeddedServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0, "sqlite:" + file, List.of()));
        try {
            ApplicationContext context = server.getApplicationContext();
            assertEquals("30s", scheduledEvery(context, KeyUseFlush.class, "flush"));
            assertEquals("10m", scheduledEvery(context, SessionPurge.class, "purge"));
            // Made at start, not at its first turn: it must be there to write at shutdown.
            assertEquals(1, context.getActiveBeanRegistrations(KeyUseFlush.class).size());
        } finally {
            server.stop();
        }
    }

    private static String scheduledEvery(ApplicationContext context, Class<?> job, String method) {
        return context.getBeanDefinition(job).findMethod(method).orElseThrow()
                .stringValue(Scheduled.class, "fixedDelay").orElseThrow();
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
