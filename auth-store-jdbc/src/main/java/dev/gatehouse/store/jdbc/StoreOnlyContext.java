package dev.gatehouse.store.jdbc;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextConfiguration;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.inject.BeanDefinitionReference;
import java.util.List;

/**
 * A Micronaut context that knows only the JDBC store's beans and those of the libraries it runs
 * on: Micronaut Data, its transactions, the connection pool and Micronaut's core. Every other
 * bean definition on the class path (the server's controllers and scheduled jobs, a library
 * user's own beans, the HTTP server's machinery) is left out before anything is built, so opening
 * a store starts, schedules and wires nothing of anybody else's, and the app that opened it may
 * use {@code @Context} and {@code @Scheduled} freely.
 */
final class StoreOnlyContext extends DefaultApplicationContext {

    /** Where the definitions of the beans the store needs live; everything else is not seen. */
    static final List<String> SEEN = List.of(
            "dev.gatehouse.store.jdbc.",          // the repositories
            "io.micronaut.data.",                 // Micronaut Data JDBC: operations, repositories' runtime, connections
            "io.micronaut.transaction.",          // transaction managers and interceptors
            "io.micronaut.configuration.jdbc.",   // the HikariCP data source
            "io.micronaut.jdbc.",                 // data source resolution
            "io.micronaut.context.",              // the context's own beans
            "io.micronaut.inject.",
            "io.micronaut.aop.");

    private StoreOnlyContext(ApplicationContextConfiguration configuration) {
        super(configuration);
    }

    /** A builder whose {@code build()} makes a {@link StoreOnlyContext}. */
    static DefaultApplicationContextBuilder builder() {
        return new DefaultApplicationContextBuilder() {
            @Override
            protected ApplicationContext newApplicationContext() {
                return new StoreOnlyContext(this);
            }
        };
    }

    /** True when the context sees the bean defined by {@code definitionName} (a definition's class name). */
    static boolean sees(String definitionName) {
        return SEEN.stream().anyMatch(definitionName::startsWith);
    }

    @Override
    protected List<BeanDefinitionReference> resolveBeanDefinitionReferences() {
        return super.resolveBeanDefinitionReferences().stream()
                .filter(reference -> sees(reference.getBeanDefinitionName()))
                .toList();
    }
}
