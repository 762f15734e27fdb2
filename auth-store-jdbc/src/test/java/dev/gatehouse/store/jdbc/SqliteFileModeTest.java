package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database holds password hashes: only its owner may read it. */
class SqliteFileModeTest {

    @Test
    void aNewDatabaseAndItsLogAreReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/gatehouse.db");
        try (Stores stores = JdbcStores.open(JdbcSettings.sqlite(file))) {
            stores.users().insert(Samples.user("alice"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve("nested/gatehouse.db-wal"))));
        }
    }
}
