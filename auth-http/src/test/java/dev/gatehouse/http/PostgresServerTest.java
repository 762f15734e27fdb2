package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.http.testing.PostgresSchema;
import dev.gatehouse.http.testing.RunningServer;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server on PostgreSQL, in a schema of its own: setup, the administrators' routes, and the
 * CLI's changes reaching a running server — what the SQLite tests prove, on the other database.
 */
class PostgresServerTest {

    private PostgresSchema schema;
    private String storeUrl;

    @BeforeEach
    void freshSchema() throws SQLException {
        schema = PostgresSchema.fresh("gh_http_");
        storeUrl = schema.storeUrl();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void setupThenAdministeringUsersWorksOnPostgres() {
        try (RunningServer app = new RunningServer(storeUrl, UnaryOperator.identity())) {
            String code = GatehouseServer.setupCode(app.server).orElseThrow();
            HttpResponse<String> setup = app.json("POST", "/api/setup", "{\"code\":\"" + code
                    + "\",\"username\":\"root\",\"password\":\"correct horse battery\"}", null);
            assertEquals(201, setup.statusCode(), setup.body());
            String admin = RunningServer.cookie(RunningServer.token(setup));

            assertEquals(201, app.json("POST", "/api/admin/users",
                    "{\"username\":\"bob\",\"password\":\"correct horse battery\",\"admin\":false}", admin).statusCode());
            String bob = app.signIn("bob", "correct horse battery");
            assertEquals(200, app.json("POST", "/api/admin/users/bob/lock", "{\"reason\":\"On vacation\"}", admin).statusCode());
            assertEquals(401, app.me(bob), "the lock ended bob's session");
            HttpResponse<String> locked = app.login("bob", "correct horse battery");
            assertEquals(403, locked.statusCode());
            assertTrue(locked.body().contains("On vacation"), locked.body());
            assertEquals(204, app.json("POST", "/api/admin/users/bob/unlock", null, admin).statusCode());
            assertEquals(200, app.json("POST", "/api/admin/users/bob/password", "{\"password\":\"new horse battery\"}",
                    admin).statusCode());
            assertEquals(401, app.login("bob", "correct horse battery").statusCode());
            String again = app.signIn("bob", "new horse battery");
            HttpResponse<String> users = app.json("GET", "/api/admin/users", null, admin);
            assertTrue(users.body().contains("\"username\":\"bob\"") && users.body().contains("\"total\":2"), users.body());

            app.lock("bob", "from the CLI");
            assertEquals(401, app.me(again), "a lock from the CLI ends the session in the running server");
            assertEquals(204, app.json("DELETE", "/api/admin/users/bob", null, admin).statusCode());
            assertEquals(401, app.login("bob", "new horse battery").statusCode());
        }
    }

    @Test
    void apiKeysAreMintedUsedAndRevokedOnPostgres() {
        try (RunningServer app = new RunningServer(storeUrl, UnaryOperator.identity())) {
            app.addAdmin("root", "correct horse battery");
            app.addUser("bob", "correct horse battery");
            String root = app.signIn("root", "correct horse battery");
            HttpResponse<String> minted = app.json("POST", "/api/tokens", "{\"username\":\"bob\",\"name\":\"ci\"}", root);
            assertEquals(201, minted.statusCode(), minted.body());
            String key = RunningServer.json(minted).path("key").asText();
            String id = RunningServer.json(minted).path("token").path("id").asText();
            assertTrue(app.keyed("GET", "/api/me", null, key).body().contains("\"username\":\"bob\""));
            HttpResponse<String> verified = app.send(app.get("/auth/verify").header("x-api-key", key)
                    .header("X-Forwarded-Uri", "/v1/models").build());
            assertEquals("bob", verified.headers().firstValue("X-Gatehouse-User").orElse(null));

            assertEquals(204, app.json("DELETE", "/api/tokens/" + id, null, root).statusCode());
            assertEquals(401, app.keyed("GET", "/api/me", null, key).statusCode(), "revoked: refused at once");
            String fromCli = app.mintKey("bob").secret();
            assertEquals(200, app.keyed("GET", "/api/me", null, fromCli).statusCode());
            app.lock("bob", "from the CLI");
            assertEquals(401, app.keyed("GET", "/api/me", null, fromCli).statusCode());
            assertTrue(app.json("GET", "/api/tokens?user=bob", null, root).body().contains("\"revoked\":"));
        }
    }
}
