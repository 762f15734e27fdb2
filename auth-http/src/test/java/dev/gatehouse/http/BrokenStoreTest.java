package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.port.out.Stores;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** When the store fails under a running server, clients get a clean JSON error and no internals. */
class BrokenStoreTest {

    @Test
    void aFailingStoreGivesA500WithoutDetailAndReadinessSaysSo() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", "correct horse battery");
            String token = RunningServer.token(app.login("alice", "correct horse battery"));
            app.server.getApplicationContext().getBean(Stores.class).close();

            HttpResponse<String> me = app.send(app.get("/api/me").header("Cookie", SessionCookie.NAME + "=" + token).build());
            assertEquals(500, me.statusCode(), me.body());
            assertTrue(me.body().startsWith("{\"error\":\"internal\",\"message\":"), me.body());
            AccessTest.assertSecurityHeaders(me);

            HttpResponse<String> ready = app.send(app.get("/readyz").build());
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("\"error\":\"store_unavailable\""), ready.body());
        }
    }
}
