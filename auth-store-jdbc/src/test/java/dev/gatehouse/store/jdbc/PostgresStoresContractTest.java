package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.contract.AuditLogContract;
import dev.gatehouse.core.contract.SecretKeyStoreContract;
import dev.gatehouse.core.contract.SessionStoreContract;
import dev.gatehouse.core.contract.UserStoreContract;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.port.out.SecretKeyStore;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.port.out.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/** Core's four store contracts on PostgreSQL, each test in a fresh schema; the second instance is a second {@code open}. */
@ExtendWith(PostgresAvailable.class)
class PostgresStoresContractTest {

    private PostgresSchema schema;
    private Stores first;
    private Stores second;

    @BeforeEach
    void open() {
        schema = PostgresSchema.create();
        first = JdbcStores.open(schema.settings());
        second = JdbcStores.open(schema.settings());
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        schema.close();
    }

    @Nested
    class Users extends UserStoreContract {
        @Override
        protected UserStore store() {
            return first.users();
        }

        @Override
        protected UserStore secondInstance() {
            return second.users();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected SessionStore store() {
            return first.sessions();
        }

        @Override
        protected SessionStore secondInstance() {
            return second.sessions();
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        @Override
        protected AuditLog log() {
            return first.audit();
        }

        @Override
        protected AuditLog secondInstance() {
            return second.audit();
        }
    }

    @Nested
    class Keys extends SecretKeyStoreContract {
        @Override
        protected SecretKeyStore keys() {
            return first.secrets();
        }

        @Override
        protected SecretKeyStore secondInstance() {
            return second.secrets();
        }
    }
}
