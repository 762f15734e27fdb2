package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.port.out.Stores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database as the first version of the schema left it, with data in it, is upgraded in place
 * when the store opens it, and all the data reads back.
 */
class MigrationUpgradeTest {

    private static final byte[] KEY = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final String DIGEST = "0123456789abcdef".repeat(4);

    /** Writes one of everything with plain SQL against schema version 1. */
    static void fillVersionOne(Connection connection) throws SQLException {
        try (PreparedStatement user = connection.prepareStatement("INSERT INTO users (username, password_hash, roles,"
                + " status, lock_reason, locked_at, created_at, last_login_at, last_login_ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            user.setString(1, "alice");
            user.setString(2, Samples.fullUser("alice").passwordHash().orElseThrow());
            user.setString(3, "Admin,User");
            user.setString(4, "locked");
            user.setString(5, "On vacation until March");
            user.setTimestamp(6, Timestamp.from(Samples.T0.plusSeconds(60)));
            user.setTimestamp(7, Timestamp.from(Samples.T0));
            user.setTimestamp(8, Timestamp.from(Samples.T0.plusSeconds(30)));
            user.setString(9, "192.0.2.7");
            user.executeUpdate();
        }
        try (PreparedStatement session = connection.prepareStatement("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            session.setString(1, "session-0001");
            session.setString(2, DIGEST);
            session.setString(3, "alice");
            session.setTimestamp(4, Timestamp.from(Samples.T0));
            session.setTimestamp(5, Timestamp.from(Samples.T0));
            session.setTimestamp(6, Timestamp.from(Samples.T0.plusSeconds(3600)));
            session.setString(7, "198.51.100.4");
            session.setString(8, "curl/8.0");
            session.executeUpdate();
        }
        try (PreparedStatement event = connection.prepareStatement("INSERT INTO audit_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            event.setString(1, "event-0001");
            event.setTimestamp(2, Timestamp.from(Samples.T0));
            event.setString(3, "user.lock");
            event.setString(4, "operator");
            event.setString(5, "alice");
            event.setString(6, "local");
            event.setString(7, "SUCCESS");
            event.setString(8, "{\"reason\":\"On vacation until March\"}");
            event.executeUpdate();
        }
        try (PreparedStatement key = connection.prepareStatement("INSERT INTO secret_keys VALUES (?, ?)")) {
            key.setString(1, "token-digest-key");
            key.setBytes(2, KEY);
            key.executeUpdate();
        }
    }

    static void assertEverythingReadsBack(Stores stores) {
        assertEquals(Optional.of(Samples.fullUser("alice")), stores.users().find(Username.of("alice")));
        assertEquals(DIGEST, stores.sessions().find(new SessionId("session-0001")).orElseThrow().tokenDigest());
        List<AuditEvent> events = stores.audit().query(AuditLog.Query.latest(10));
        assertEquals(1, events.size());
        assertEquals(Map.of("reason", "On vacation until March"), events.get(0).details());
        assertArrayEquals(KEY, stores.secrets().getOrCreate("token-digest-key", () -> new byte[] {9}));
    }

    /** The tables added after version one work too. */
    static void assertAvatarsCanBeStored(Stores stores) {
        dev.gatehouse.core.model.accounts.Avatar avatar = Samples.avatar("alice", "image/webp", 5_000);
        stores.avatars().put(avatar);
        assertEquals(Optional.of(avatar), stores.avatars().find(Username.of("alice")));
    }

    /** Identity links (version 9) work too, one per identity. */
    static void assertIdentityLinksCanBeStored(Stores stores) {
        dev.gatehouse.core.model.identities.IdentityLink link =
                dev.gatehouse.core.contract.IdentityLinkStoreContract.fullLink("f:1001", "alice");
        assertTrue(stores.identities().insert(link));
        assertFalse(stores.identities().insert(link));
        assertEquals(List.of(link), stores.identities().listFor(Username.of("alice")));
    }

    /** API keys (version 4) work too, found by digest through the new unique index. */
    static void assertApiKeysCanBeStored(Stores stores) {
        dev.gatehouse.core.model.apikeys.ApiKey key = Samples.fullApiKey("alice");
        assertTrue(stores.apiKeys().insert(key));
        assertEquals(Optional.of(key), stores.apiKeys().findByDigest(key.digest()));
    }

    static List<String> appliedVersions(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM flyway_schema_history WHERE success"
                     + " ORDER BY installed_rank")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }

    @org.junit.jupiter.api.Nested
    class OnSqlite {
        @TempDir
        Path directory;

        private Stores stores;

        @AfterEach
        void close() {
            if (stores != null) {
                stores.close();
            }
        }

        private boolean hasIndex(JdbcSettings settings, String name) throws SQLException {
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
                 PreparedStatement query = connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        }

        @Test
        void aVersionOneDatabaseIsUpgradedInPlaceWithItsData() throws Exception {
            JdbcSettings settings = JdbcSettings.parse("sqlite:" + directory.resolve("old.db"));
            Migrations.apply(settings, MigrationVersion.fromVersion("1"));
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl())) {
                fillVersionOne(connection);
                assertEquals(List.of("1"), appliedVersions(connection));
            }
            assertFalse(hasIndex(settings, "sessions_by_user"));

            stores = JdbcStores.open(settings);

            assertEverythingReadsBack(stores);
            assertAvatarsCanBeStored(stores);
            assertApiKeysCanBeStored(stores);
            assertIdentityLinksCanBeStored(stores);
            assertTrue(hasIndex(settings, "sessions_by_user"));
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl())) {
                assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), appliedVersions(connection));
            }
        }

        @Test
        void aDatabaseANewerGatehouseMigratedStillOpens() throws Exception {
            JdbcSettings settings = JdbcSettings.parse("sqlite:" + directory.resolve("newer.db"));
            Migrations.apply(settings);
            try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
                 var statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                        + " script, checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future',"
                        + " 'SQL', 'V99__from_the_future.sql', 0, 'test', 0, 1)");
            }
            stores = JdbcStores.open(settings);
            assertEquals(0, stores.users().count());
        }
    }

    @org.junit.jupiter.api.Nested
    @ExtendWith(PostgresAvailable.class)
    class OnPostgres {
        private PostgresSchema schema;
        private Stores stores;

        @AfterEach
        void close() {
            if (stores != null) {
                stores.close();
            }
            if (schema != null) {
                schema.close();
            }
        }

        @Test
        void aVersionOneDatabaseIsUpgradedInPlaceWithItsData() throws Exception {
            schema = PostgresSchema.create();
            Migrations.apply(schema.settings(), MigrationVersion.fromVersion("1"));
            try (Connection connection = schema.connect()) {
                fillVersionOne(connection);
                assertEquals(List.of("1"), appliedVersions(connection));
            }

            stores = JdbcStores.open(schema.settings());

            assertEverythingReadsBack(stores);
            assertAvatarsCanBeStored(stores);
            assertApiKeysCanBeStored(stores);
            assertIdentityLinksCanBeStored(stores);
            try (Connection connection = schema.connect();
                 var statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = '"
                         + schema.name() + "' AND indexname = 'sessions_by_user'")) {
                assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), appliedVersions(connection));
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        }
    }
}
