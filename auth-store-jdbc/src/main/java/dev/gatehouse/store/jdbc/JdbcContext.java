package dev.gatehouse.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The private Micronaut context that Micronaut Data needs: one pooled data source and the
 * repositories, configured from the settings alone. No configuration files, environment
 * variables or environment deduction take part, and it sees no bean but the store's and its
 * libraries' ({@link StoreOnlyContext}), so the Micronaut app that opened the store (the server,
 * a library user's) neither leaks in nor is disturbed: its beans are never built here.
 */
final class JdbcContext implements AutoCloseable {

    /** The name of the data source the repositories use. */
    static final String DATA_SOURCE = "gatehouse";

    /** Set only in this context, so the repositories never activate in anybody else's. */
    static final String MARKER = "gatehouse.jdbc-store.context";

    private final ApplicationContext context;

    private JdbcContext(ApplicationContext context) {
        this.context = context;
    }

    static JdbcContext start(JdbcSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(MARKER, "true");
        String prefix = "datasources." + DATA_SOURCE + ".";
        properties.put(prefix + "url", ConnectionUrls.forPool(settings));
        properties.put(prefix + "driver-class-name", settings.database().driverClassName());
        if (!settings.username().isEmpty()) {
            properties.put(prefix + "username", settings.username());
        }
        if (!settings.password().isEmpty()) {
            properties.put(prefix + "password", settings.password());
        }
        properties.put(prefix + "dialect", settings.database().dialect());
        properties.put(prefix + "pool-name", "gatehouse");
        properties.put(prefix + "maximum-pool-size", settings.database() == Database.SQLITE ? 8 : 10);
        // The CLI opens a store per command: start with one connection and grow on demand.
        properties.put(prefix + "minimum-idle", 1);
        properties.put(prefix + "connection-timeout", 10_000);
        ApplicationContext context = StoreOnlyContext.builder()
                .classLoader(JdbcContext.class.getClassLoader())
                .deduceEnvironment(false)
                .deduceCloudEnvironment(false)
                .bootstrapEnvironment(false)
                .enableDefaultPropertySources(false)
                .environmentPropertySource(false)
                .banner(false)
                .properties(properties)
                .start();
        return new JdbcContext(context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @SuppressWarnings("unchecked")
    TransactionOperations<Connection> transactions() {
        return context.getBean(Argument.of(TransactionOperations.class, Connection.class), Qualifiers.byName(DATA_SOURCE));
    }

    /** Drops the pool's idle connections: after one turned out dead, the others are likely dead too. */
    void evictIdleConnections() {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(
                context.getBean(DataSource.class, Qualifiers.byName(DATA_SOURCE)));
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
