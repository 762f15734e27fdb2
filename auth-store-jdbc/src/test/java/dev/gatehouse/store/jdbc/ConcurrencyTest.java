package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.contract.Concurrently;
import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen threads signing in through two store instances (two "processes") on one database:
 * no "database is locked", no lost update, every session there; and of two creates of one
 * name exactly one wins.
 */
class ConcurrencyTest {

    private static final Duration LOAD = Duration.ofSeconds(3);

    private Stores first;
    private Stores second;

    @AfterEach
    void close() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    void ofTwoCreatesOfOneNameExactlyOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String name = "race" + round;
            List<Boolean> results = Concurrently.run(2, i -> (i == 0 ? first : second).users().insert(Samples.user(name)));
            assertEquals(1, results.stream().filter(Boolean::booleanValue).count(), name + ": " + results);
        }
        assertEquals(20, first.users().count());
    }

    @Nested
    class OnSqlite {
        @TempDir
        Path directory;

        void open() {
            JdbcSettings settings = JdbcSettings.parse("sqlite:" + directory.resolve("load.db"));
            first = JdbcStores.open(settings);
            second = JdbcStores.open(settings);
        }

        @Test
        void sixteenThreadsSigningInNeverFailAndLoseNothing() throws Exception {
            open();
            int signIns = SignInLoad.run(first, second, 16, 8, LOAD);
            System.out.printf("SQLite: %d sign-ins in %s from 16 threads%n", signIns, LOAD);
        }

        @Test
        void twoCreatesOfOneName() throws Exception {
            open();
            ofTwoCreatesOfOneNameExactlyOneWins();
        }
    }

    @Nested
    @ExtendWith(PostgresAvailable.class)
    class OnPostgres {
        private PostgresSchema schema;

        void open() {
            schema = PostgresSchema.create();
            first = JdbcStores.open(schema.settings());
            second = JdbcStores.open(schema.settings());
        }

        @AfterEach
        void drop() {
            close();
            first = null;
            second = null;
            if (schema != null) {
                schema.close();
            }
        }

        @Test
        void sixteenThreadsSigningInNeverFailAndLoseNothing() throws Exception {
            open();
            int signIns = SignInLoad.run(first, second, 16, 8, LOAD);
            System.out.printf("PostgreSQL: %d sign-ins in %s from 16 threads%n", signIns, LOAD);
        }

        @Test
        void twoCreatesOfOneName() throws Exception {
            open();
            ofTwoCreatesOfOneNameExactlyOneWins();
        }
    }
}
