package dev.gatehouse.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * An empty schema of its own on the test server, so every test starts from nothing and tests
 * never see each other's rows. Connections opened through {@link #settings()} use it as their
 * search path and carry its name as their application name (to find and kill them).
 */
final class PostgresSchema implements AutoCloseable {

    private final String serverUrl;
    private final String name;

    private PostgresSchema(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    static PostgresSchema create() {
        String url = PostgresAvailable.url().orElseThrow(() -> new IllegalStateException(
                PostgresAvailable.URL_VARIABLE + " is not set"));
        PostgresSchema schema = new PostgresSchema(url, "gh_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 16).toLowerCase(Locale.ROOT));
        schema.execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    String name() {
        return name;
    }

    /** Store settings on this schema. */
    JdbcSettings settings() {
        return JdbcSettings.parse(storeUrl());
    }

    /** The store URL (postgres://...) on this schema. */
    String storeUrl() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name + "&ApplicationName=" + name;
    }

    /** A plain JDBC connection to the server, on this schema. */
    Connection connect() throws SQLException {
        JdbcSettings settings = settings();
        return DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password());
    }

    /** Ends every server connection opened through {@link #settings()} except the caller's own. */
    int terminateConnections() {
        try (Connection admin = connect(); Statement statement = admin.createStatement();
             var rows = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE application_name = '" + name + "' AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        JdbcSettings server = JdbcSettings.parse(serverUrl);
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test set-up SQL failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
}
