package dev.gatehouse.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.contract.Samples;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.elsewhere.AnAppsEagerBean;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's private Micronaut context sees only the store's beans: the app that opened it
 * keeps its own beans, eager and scheduled ones included, to its own context.
 */
class StoreIsolationTest {

    @TempDir
    Path directory;

    @Test
    void openingAStoreBuildsNoBeanOfTheAppThatOpenedIt() {
        int before = AnAppsEagerBean.BUILT.get();

        try (Stores stores = JdbcStores.open(JdbcSettings.sqlite(directory.resolve("gatehouse.db")))) {
            assertTrue(stores.users().insert(Samples.user("alice")), "the store works");
        }

        assertEquals(before, AnAppsEagerBean.BUILT.get(), "the store's context built the app's @Context bean");
    }

    @Test
    void anOrdinaryContextOnTheSameClassPathDoesBuildIt() {
        // The other half: the fixture is a real eager bean, so the test above can fail.
        int before = AnAppsEagerBean.BUILT.get();

        try (ApplicationContext ordinary = ApplicationContext.builder().deduceEnvironment(false).banner(false).start()) {
            assertTrue(ordinary.isRunning());
        }

        assertEquals(before + 1, AnAppsEagerBean.BUILT.get());
    }

    @Test
    void theServersBeansAreNotSeenAndTheStoresAre() {
        assertFalse(StoreOnlyContext.sees("dev.gatehouse.http.wiring.$KeyUseFlush$Definition"));
        assertFalse(StoreOnlyContext.sees("io.micronaut.http.server.netty.$NettyHttpServer$Definition"));
        assertFalse(StoreOnlyContext.sees("io.micronaut.scheduling.processor.$ScheduledMethodProcessor$Definition"));
        assertTrue(StoreOnlyContext.sees("dev.gatehouse.store.jdbc.$UserRepository$Intercepted$Definition"));
        assertTrue(StoreOnlyContext.sees("io.micronaut.data.jdbc.operations.$DefaultJdbcRepositoryOperations$Definition"));
    }
}
