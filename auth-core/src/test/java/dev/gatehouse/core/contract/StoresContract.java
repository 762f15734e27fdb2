package dev.gatehouse.core.contract;

import dev.gatehouse.core.port.out.ApiKeyStore;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.core.port.out.AvatarStore;
import dev.gatehouse.core.port.out.IdentityLinkStore;
import dev.gatehouse.core.port.out.InviteStore;
import dev.gatehouse.core.port.out.PermissionStore;
import dev.gatehouse.core.port.out.SecretKeyStore;
import dev.gatehouse.core.port.out.SessionStore;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.port.out.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * All nine store contracts for one kind of store. A store adapter's test extends this and says
 * how to open a fresh, empty place and a second instance on it (as another process would); every
 * contract then runs on a pair opened for each test, closed afterwards.
 */
public abstract class StoresContract {

    private Stores first;
    private Stores second;

    /** Stores on a fresh, empty place; called once before each test. */
    protected abstract Stores openFresh();

    /** Another instance on the place {@link #openFresh()} just opened. */
    protected abstract Stores openAgain();

    /** Runs after both instances are closed (drop a database schema, say). */
    protected void afterClose() {
    }

    @BeforeEach
    void openBoth() {
        first = openFresh();
        second = openAgain();
    }

    @AfterEach
    void closeBoth() {
        try {
            first.close();
        } finally {
            try {
                second.close();
            } finally {
                afterClose();
            }
        }
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

    @Nested
    class Avatars extends AvatarStoreContract {
        @Override
        protected AvatarStore store() {
            return first.avatars();
        }

        @Override
        protected AvatarStore secondInstance() {
            return second.avatars();
        }
    }

    @Nested
    class ApiKeys extends ApiKeyStoreContract {
        @Override
        protected ApiKeyStore store() {
            return first.apiKeys();
        }

        @Override
        protected ApiKeyStore secondInstance() {
            return second.apiKeys();
        }
    }

    @Nested
    class Invites extends InviteStoreContract {
        @Override
        protected InviteStore store() {
            return first.invites();
        }

        @Override
        protected InviteStore secondInstance() {
            return second.invites();
        }
    }

    @Nested
    class Permissions extends PermissionStoreContract {
        @Override
        protected PermissionStore store() {
            return first.permissions();
        }

        @Override
        protected PermissionStore secondInstance() {
            return second.permissions();
        }
    }

    @Nested
    class Identities extends IdentityLinkStoreContract {
        @Override
        protected IdentityLinkStore store() {
            return first.identities();
        }

        @Override
        protected IdentityLinkStore secondInstance() {
            return second.identities();
        }
    }
}
