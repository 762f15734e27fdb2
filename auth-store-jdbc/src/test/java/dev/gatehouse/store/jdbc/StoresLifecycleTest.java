package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening creates what is missing; closing stops every thread and connection the store started. */
class StoresLifecycleTest {

    @TempDir
    Path directory;

    private static List<String> storeThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("gatehouse")).toList();
    }

    @Test
    void openingCreatesTheDirectoriesAndTheDatabaseInWalMode() throws Exception {
        Path file = directory.resolve("deep/er/gatehouse.db");
        try (Stores stores = JdbcStores.open(JdbcSettings.parse("sqlite:" + file))) {
            stores.users().insert(Samples.user("alice"));
            assertTrue(Files.exists(file));
            assertTrue(Files.exists(Path.of(file + "-wal")), "WAL mode keeps a -wal file beside the database");
        }
    }

    @Test
    void twoProgramsOpeningANewDatabaseAtOnceBothSucceed() throws Exception {
        for (int round = 0; round < 3; round++) {
            JdbcSettings settings = JdbcSettings.parse("sqlite:" + directory.resolve("fresh" + round + ".db"));
            List<Stores> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
            try {
                dev.gatehouse.core.contract.Concurrently.run(2, i -> opened.add(JdbcStores.open(settings)));
                assertTrue(opened.get(0).users().insert(Samples.user("alice")));
                assertEquals(1, opened.get(1).users().count());
            } finally {
                opened.forEach(Stores::close);
            }
        }
    }

    @Test
    void closingStopsThePoolsThreads() throws Exception {
        JdbcSettings settings = JdbcSettings.parse("sqlite:" + directory.resolve("gatehouse.db"));
        for (int i = 0; i < 3; i++) {
            Stores stores = JdbcStores.open(settings);
            stores.users().insert(Samples.user("user" + i));
            assertTrue(!storeThreads().isEmpty(), "the pool runs a housekeeping thread while open");
            stores.close();
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (!storeThreads().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), storeThreads());
    }

    @Test
    void aClosedStoreRefusesCallsWithAStoreException() {
        Stores stores = JdbcStores.open(JdbcSettings.parse("sqlite:" + directory.resolve("gatehouse.db")));
        stores.close();
        assertThrows(StoreException.class, () -> stores.users().find(Username.of("alice")));
        assertThrows(StoreException.class, () -> stores.identities().insert(
                dev.gatehouse.core.contract.IdentityLinkStoreContract.link(
                        dev.gatehouse.core.model.identities.ProviderName.GITHUB, "1", "alice", java.time.Instant.now())));
        assertThrows(StoreException.class, () -> stores.identities().listFor(Username.of("alice")));
    }
}
