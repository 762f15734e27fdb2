package dev.gatehouse.core.contract;

import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.port.out.SecretKeyStore;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.UserStore;
import dev.gatehouse.core.testing.InMemoryAuditLog;
import dev.gatehouse.core.testing.InMemorySecretKeyStore;
import dev.gatehouse.core.testing.InMemorySessionStore;
import dev.gatehouse.core.testing.InMemoryUserStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The contract suites on the in-memory stores: the reference every other store is held to. */
class InMemoryStoresContractTest {

    @Nested
    class Users extends UserStoreContract {
        private UserStore store;

        @BeforeEach
        void open() {
            store = new InMemoryUserStore();
        }

        @Override
        protected UserStore store() {
            return store;
        }

        @Override
        protected UserStore secondInstance() {
            return store;
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        private SessionStore store;

        @BeforeEach
        void open() {
            store = new InMemorySessionStore();
        }

        @Override
        protected SessionStore store() {
            return store;
        }

        @Override
        protected SessionStore secondInstance() {
            return store;
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        private AuditLog log;

        @BeforeEach
        void open() {
            log = new InMemoryAuditLog();
        }

        @Override
        protected AuditLog log() {
            return log;
        }

        @Override
        protected AuditLog secondInstance() {
            return log;
        }
    }

    @Nested
    class Keys extends SecretKeyStoreContract {
        private SecretKeyStore keys;

        @BeforeEach
        void open() {
            keys = new InMemorySecretKeyStore();
        }

        @Override
        protected SecretKeyStore keys() {
            return keys;
        }

        @Override
        protected SecretKeyStore secondInstance() {
            return keys;
        }
    }
}
