package dev.gatehouse.core.contract;

import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.testing.InMemoryStores;

/** The contract suites on the in-memory stores: the reference every other store is held to. */
class InMemoryStoresContractTest extends StoresContract {

    private Stores stores;

    @Override
    protected Stores openFresh() {
        stores = InMemoryStores.create();
        return stores;
    }

    @Override
    protected Stores openAgain() {
        return stores;
    }
}
