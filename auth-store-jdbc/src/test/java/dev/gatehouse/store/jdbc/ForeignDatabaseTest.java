package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gatehouse never writes into a database that is not its own, and a store that must exist must. */
class ForeignDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void anotherProgramsSqliteFileIsRefusedAndLeftAsItWas() throws Exception {
        Path notes = dir.resolve("notes.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + notes); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (text TEXT)");
        }
        long start = System.nanoTime();
        StoreException refused = assertThrows(StoreException.class, () -> JdbcStores.open(JdbcSettings.sqlite(notes)));
        assertTrue(refused.getMessage().contains("is not a Gatehouse store"), refused.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 5, "refused at once, not after retries");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + notes); Statement s = c.createStatement();
             ResultSet mode = s.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertEquals("delete", mode.getString(1), "the file was not switched to WAL");
        }
        assertFalse(Files.exists(dir.resolve("notes.db-wal")));
    }

    @Test
    void aStoreThatMustExistIsNotCreated() {
        Path missing = dir.resolve("typo.db");
        StoreException refused = assertThrows(StoreException.class,
                () -> JdbcStores.openExisting(JdbcSettings.sqlite(missing)));
        assertTrue(refused.getMessage().contains("there is no such file"), refused.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void anExistingGatehouseStoreOpensEitherWay() {
        Path file = dir.resolve("gatehouse.db");
        try (Stores stores = JdbcStores.open(JdbcSettings.sqlite(file))) {
            stores.users().insert(Samples.user("alice"));
        }
        try (Stores stores = JdbcStores.openExisting(JdbcSettings.sqlite(file))) {
            assertEquals(1, stores.users().count());
        }
    }
}
