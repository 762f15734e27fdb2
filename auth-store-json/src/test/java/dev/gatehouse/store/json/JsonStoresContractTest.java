package dev.gatehouse.store.json;

import dev.gatehouse.core.contract.StoresContract;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Core's four store contracts on JSON files; the second instance is a second {@code open} of the directory. */
class JsonStoresContractTest extends StoresContract {

    @TempDir
    Path directory;

    @Override
    protected Stores openFresh() {
        return JsonStores.open(directory);
    }

    @Override
    protected Stores openAgain() {
        return JsonStores.open(directory);
    }
}
