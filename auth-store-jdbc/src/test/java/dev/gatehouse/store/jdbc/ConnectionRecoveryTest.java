package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.out.Stores;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server ends the store's connections (as a restart or an administrator's
 * {@code pg_terminate_backend} does): the next call, read or write, works on a fresh connection
 * and everything committed before is still there.
 */
@ExtendWith(PostgresAvailable.class)
class ConnectionRecoveryTest {

    private PostgresSchema schema;
    private Stores stores;

    @BeforeEach
    void open() {
        schema = PostgresSchema.create();
        stores = JdbcStores.open(schema.settings());
    }

    @AfterEach
    void close() {
        stores.close();
        schema.close();
    }

    /** Several connections in the pool, all of them about to be killed. */
    private void warmUpSeveralConnections() throws Exception {
        dev.gatehouse.core.contract.Concurrently.run(4, i -> stores.users().count());
    }

    @Test
    void aReadAfterTheConnectionsWereKilledSucceedsAndSeesCommittedData() throws Exception {
        stores.users().insert(Samples.fullUser("alice"));
        warmUpSeveralConnections();
        assertTrue(schema.terminateConnections() >= 1, "no connection of the store was found to kill");

        assertEquals(Optional.of(Samples.fullUser("alice")), stores.users().find(Username.of("alice")));
        assertEquals(1, stores.users().count());
    }

    @Test
    void aWriteAfterTheConnectionsWereKilledLandsOnce() throws Exception {
        stores.users().insert(Samples.user("alice"));
        warmUpSeveralConnections();
        assertTrue(schema.terminateConnections() >= 1, "no connection of the store was found to kill");

        assertTrue(stores.users().insert(Samples.user("bob")), "the retried insert must report its own success");
        assertEquals(2, stores.users().count());
        assertTrue(stores.users().find(Username.of("alice")).isPresent());
    }

    @Test
    void theStoreRecoversAgainAndAgain() {
        for (int round = 0; round < 5; round++) {
            stores.sessions().save(Samples.session("alice", Samples.T0));
            schema.terminateConnections();
        }
        assertEquals(5, stores.sessions().listByUser(Username.of("alice")).size());
    }
}
