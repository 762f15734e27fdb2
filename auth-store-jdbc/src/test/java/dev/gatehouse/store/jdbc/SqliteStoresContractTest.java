package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.contract.StoresContract;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Core's four store contracts on a SQLite file; the second instance is a second {@code open} of it, as another process. */
class SqliteStoresContractTest extends StoresContract {

    @TempDir
    Path directory;

    private JdbcSettings settings() {
        return JdbcSettings.parse("sqlite:" + directory.resolve("gatehouse.db"));
    }

    @Override
    protected Stores openFresh() {
        return JdbcStores.open(settings());
    }

    @Override
    protected Stores openAgain() {
        return JdbcStores.open(settings());
    }
}
