package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.contract.StoresContract;
import dev.gatehouse.core.port.out.Stores;
import org.junit.jupiter.api.extension.ExtendWith;

/** Core's four store contracts on PostgreSQL, each test in a fresh schema; the second instance is a second {@code open}. */
@ExtendWith(PostgresAvailable.class)
class PostgresStoresContractTest extends StoresContract {

    private PostgresSchema schema;

    @Override
    protected Stores openFresh() {
        schema = PostgresSchema.create();
        return JdbcStores.open(schema.settings());
    }

    @Override
    protected Stores openAgain() {
        return JdbcStores.open(schema.settings());
    }

    @Override
    protected void afterClose() {
        schema.close();
    }
}
