package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.out.StoreException;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A second session with a taken id or token digest is refused by the database, and nothing changes. */
class DuplicateKeyTest {

    static void aTakenSessionKeyIsRefused(Stores stores) {
        Session first = Samples.session("alice", Samples.T0);
        stores.sessions().save(first);
        Session sameDigest = new Session(Samples.session("bob", Samples.T0).id(), first.tokenDigest(), Username.of("bob"),
                Samples.T0, Samples.T0, Samples.T0.plusSeconds(60), "", "");
        StoreException refusal = assertThrows(StoreException.class, () -> stores.sessions().save(sameDigest));
        assertTrue(refusal.getMessage().contains("already holds an entry with that key"), refusal.getMessage());
        assertEquals(java.util.Optional.of(first), stores.sessions().findByTokenDigest(first.tokenDigest()));
        assertEquals(java.util.List.of(), stores.sessions().listByUser(Username.of("bob")));
    }

    @Nested
    class OnSqlite {
        @TempDir
        Path directory;

        @Test
        void aTakenTokenDigestIsRefused() {
            try (Stores stores = JdbcStores.open(JdbcSettings.parse("sqlite:" + directory.resolve("dup.db")))) {
                aTakenSessionKeyIsRefused(stores);
            }
        }
    }

    @Nested
    @ExtendWith(PostgresAvailable.class)
    class OnPostgres {
        @Test
        void aTakenTokenDigestIsRefused() {
            try (PostgresSchema schema = PostgresSchema.create(); Stores stores = JdbcStores.open(schema.settings())) {
                aTakenSessionKeyIsRefused(stores);
            }
        }
    }
}
