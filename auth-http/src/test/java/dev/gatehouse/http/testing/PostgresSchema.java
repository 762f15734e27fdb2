package dev.gatehouse.http.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A throw-away schema on the test PostgreSQL (GATEHOUSE_TEST_POSTGRES_URL), dropped on close; the test
 * is skipped without that URL, and fails under CI=true.
 */
public record PostgresSchema(String storeUrl, String jdbc, String[] credentials, String schema) implements AutoCloseable {

    /** Creates a schema named {@code prefix} and random hex. */
    public static PostgresSchema fresh(String prefix) throws SQLException {
        String url = System.getenv("GATEHOUSE_TEST_POSTGRES_URL");
        if (url == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true but GATEHOUSE_TEST_POSTGRES_URL is not set; .ci/run sets it.");
            }
            assumeTrue(false, "GATEHOUSE_TEST_POSTGRES_URL is not set: no PostgreSQL to test against");
        }
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        String schema = prefix + HexFormat.of().formatHex(random);
        URI uri = URI.create(url);
        String[] credentials = uri.getUserInfo().split(":", 2);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
        PostgresSchema created = new PostgresSchema(url + "?currentSchema=" + schema, jdbc, credentials, schema);
        created.run("CREATE SCHEMA " + schema);
        return created;
    }

    private void run(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbc, credentials[0], credentials[1]);
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        run("DROP SCHEMA " + schema + " CASCADE");
    }
}
