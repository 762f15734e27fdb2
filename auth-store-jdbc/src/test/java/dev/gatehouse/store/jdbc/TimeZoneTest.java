package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instants survive a server whose local time zone has daylight saving: the hour that happens twice
 * when Berlin's clocks go back (2025-10-26, 02:00 to 03:00 local, twice) reads back exactly.
 */
class TimeZoneTest {

    private static final List<Instant> AROUND_THE_CHANGE = List.of(
            Instant.parse("2025-10-26T00:30:00.001Z"), Instant.parse("2025-10-26T01:30:00.002Z"),
            Instant.parse("2025-03-30T01:30:00.003Z"));

    private TimeZone original;

    @BeforeEach
    void berlin() {
        original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(original);
    }

    static void instantsReadBackExactly(Supplier<Stores> open) {
        try (Stores stores = open.get()) {
            int n = 0;
            for (Instant at : AROUND_THE_CHANGE) {
                Session saved = new Session(new SessionId("session-dst-" + n++), "ab".repeat(31) + "0" + n,
                        Username.of("alice"), at, at, at.plus(Duration.ofHours(1)), "", "");
                stores.sessions().save(saved);
                assertEquals(Optional.of(saved), stores.sessions().find(saved.id()));
            }
        }
    }

    @Nested
    class OnSqlite {
        @TempDir
        Path directory;

        @Test
        void instantsAroundADaylightSavingChangeReadBackExactly() {
            instantsReadBackExactly(() -> JdbcStores.open(JdbcSettings.parse("sqlite:" + directory.resolve("tz.db"))));
        }
    }

    @Nested
    @ExtendWith(PostgresAvailable.class)
    class OnPostgres {
        @Test
        void instantsAroundADaylightSavingChangeReadBackExactly() {
            try (PostgresSchema schema = PostgresSchema.create()) {
                instantsReadBackExactly(() -> JdbcStores.open(schema.settings()));
            }
        }
    }
}
