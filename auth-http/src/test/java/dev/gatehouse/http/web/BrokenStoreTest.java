package dev.gatehouse.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.http.access.AccessTest;
import dev.gatehouse.http.testing.PostgresSchema;
import dev.gatehouse.http.testing.RunningServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * When the store fails under a running server — a database that stops answering, a file that
 * cannot be read — every route says so: 503 {@code store_unavailable} with {@code Retry-After},
 * no internals, never a 500.
 */
class BrokenStoreTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aClosedSqliteStoreIsA503StoreUnavailableOnEveryRoute() throws Exception {
        try (RunningServer app = new RunningServer()) {
            app.addUser("alice", PASSWORD);
            String cookie = app.signIn("alice", PASSWORD);
            String key = app.mintKey("alice").secret();
            app.server.getApplicationContext().getBean(Stores.class).close();

            assertEveryRouteSaysTheStoreIsDown(app, cookie, key);
        }
    }

    @Test
    void aJsonStoreWhoseFilesCannotBeReadIsA503StoreUnavailableOnEveryRoute() throws Exception {
        Path dir = Files.createTempDirectory("gatehouse-json-");
        try (RunningServer app = new RunningServer("json:" + dir, UnaryOperator.identity())) {
            app.addUser("alice", PASSWORD);
            String cookie = app.signIn("alice", PASSWORD);
            String key = app.mintKey("alice").secret();
            try (var files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    Files.writeString(file, "{\"half\": ");
                }
            }

            assertEveryRouteSaysTheStoreIsDown(app, cookie, key);
        }
    }

    /**
     * PostgreSQL that stops answering mid-run: the server reaches it through a relay the test
     * closes, so new connections are refused and open ones cut, as when the database is stopped.
     */
    @Test
    void postgresStoppedMidRunIsA503StoreUnavailableOnEveryRoute() throws Exception {
        try (PostgresSchema schema = PostgresSchema.fresh("gh_broken_");
             Relay relay = new Relay(URI.create(schema.storeUrl()))) {
            String storeUrl = schema.storeUrl().replaceFirst("@[^/]+/", "@127.0.0.1:" + relay.port() + "/");
            try (RunningServer app = new RunningServer(storeUrl, UnaryOperator.identity())) {
                app.addUser("alice", PASSWORD);
                String cookie = app.signIn("alice", PASSWORD);
                String key = app.mintKey("alice").secret();
                assertEquals(200, app.me(cookie));
                relay.close();

                assertEveryRouteSaysTheStoreIsDown(app, cookie, key);
            }
        }
    }

    /** Sign-in, forward auth (session and key), the API, an administrators' route, a page and readiness, at once. */
    private static void assertEveryRouteSaysTheStoreIsDown(RunningServer app, String cookie, String key) {
        Map<String, Supplier<HttpResponse<String>>> routes = new LinkedHashMap<>();
        routes.put("sign-in", () -> app.login("alice", PASSWORD));
        routes.put("verify by session", () -> app.send(app.get("/auth/verify").header("Cookie", cookie).build()));
        routes.put("verify by key", () -> app.send(app.get("/auth/verify").header("Authorization", "Bearer " + key).build()));
        routes.put("me", () -> app.send(app.get("/api/me").header("Cookie", cookie).build()));
        routes.put("me by key", () -> app.keyed("GET", "/api/me", null, key));
        routes.put("admin list", () -> app.json("GET", "/api/admin/users", null, cookie));
        routes.put("admin create", () -> app.json("POST", "/api/admin/users",
                "{\"username\":\"bob\",\"password\":\"" + PASSWORD + "\",\"admin\":false}", cookie));
        routes.put("readiness", () -> app.send(app.get("/readyz").build()));
        Map<String, CompletableFuture<HttpResponse<String>>> answers = new LinkedHashMap<>();
        routes.forEach((name, call) -> answers.put(name, CompletableFuture.supplyAsync(call)));
        CompletableFuture<HttpResponse<String>> page = CompletableFuture.supplyAsync(() -> app.send(
                app.get("/account").header("Accept", "text/html").header("Cookie", cookie).build()));

        List<String> wrong = new ArrayList<>();
        answers.forEach((name, future) -> {
            HttpResponse<String> answer = future.join();
            if (answer.statusCode() != 503 || !answer.body().contains("\"error\":\"store_unavailable\"")
                    || answer.headers().firstValue("Retry-After").isEmpty()) {
                wrong.add(name + ": " + answer.statusCode() + " " + answer.body());
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        HttpResponse<String> me = answers.get("me").join();
        assertTrue(me.body().contains("cannot reach its store") && !me.body().contains("jdbc")
                && !me.body().contains("sqlite:") && !me.body().contains("json:"), me.body());
        AccessTest.assertSecurityHeaders(me);
        HttpResponse<String> shown = page.join();
        assertEquals(503, shown.statusCode(), shown.body());
        assertTrue(shown.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), shown.body());
        assertTrue(shown.body().contains("Gatehouse is unavailable") && shown.headers().firstValue("Retry-After").isPresent(),
                shown.body());
    }

    /** Passes TCP connections on to {@code target}'s host and port until closed; closing cuts every open one. */
    private static final class Relay implements AutoCloseable {

        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> open = java.util.Collections.synchronizedList(new ArrayList<>());

        Relay(URI target) throws IOException {
            Thread accepting = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket server = new Socket(target.getHost(), target.getPort());
                        open.add(client);
                        open.add(server);
                        pipe(client, server);
                        pipe(server, client);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "relay");
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void pipe(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                try {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (IOException e) {
                    // cut
                }
                try {
                    to.close();
                } catch (IOException e) {
                    // already closed
                }
            }, "relay-pipe");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            synchronized (open) {
                for (Socket socket : open) {
                    socket.close();
                }
            }
        }
    }
}
