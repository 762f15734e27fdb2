package dev.gatehouse.http;

import dev.gatehouse.core.model.Actor;
import dev.gatehouse.core.model.Password;
import dev.gatehouse.core.model.Username;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.AddUserService;
import dev.gatehouse.core.service.AuditTrail;
import dev.gatehouse.core.service.LockUserService;
import dev.gatehouse.core.service.PasswordPolicy;
import dev.gatehouse.crypto.Argon2idParameters;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.store.jdbc.JdbcSettings;
import dev.gatehouse.store.jdbc.JdbcStores;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A real server on a fresh SQLite file under {@code target/}, plus a second set of stores on the
 * same file to change accounts behind the server's back, as the CLI would.
 */
final class RunningServer implements AutoCloseable {

    final EmbeddedServer server;
    final Stores cli;
    private final HttpClient http = HttpClient.newHttpClient();

    RunningServer() throws IOException {
        this(List.of());
    }

    RunningServer(List<String> trustedProxies) throws IOException {
        this(settings -> new ServerSettings(settings.host(), settings.port(), settings.storeUrl(), trustedProxies));
    }

    /** A server with settings changed from the defaults (auth mode, keys, idle timeout). */
    RunningServer(java.util.function.UnaryOperator<ServerSettings> tweak) throws IOException {
        Path file = Files.createTempDirectory("gatehouse-http-").resolve("gatehouse.db");
        server = GatehouseServer.start(tweak.apply(new ServerSettings("127.0.0.1", 0, "sqlite:" + file, List.of())));
        cli = JdbcStores.open(JdbcSettings.sqlite(file));
    }

    String origin() {
        return "http://127.0.0.1:" + server.getPort();
    }

    void addUser(String name, String password) {
        AuditTrail audit = new AuditTrail(cli.audit(), Clock.systemUTC());
        var hasher = PasswordHashers.withParameters(new Argon2idParameters(1024, 1, 1));
        var result = new AddUserService(cli.users(), cli.sessions(), hasher, PasswordPolicy.defaults(), audit,
                Clock.systemUTC()).add(new AddUser.Command(Actor.operator(), Username.of(name), Password.of(password), false));
        if (!(result instanceof AddUser.Created)) {
            throw new IllegalStateException("Could not add " + name + ": " + result);
        }
    }

    void lock(String name, String reason) {
        new LockUserService(cli.users(), cli.sessions(), new AuditTrail(cli.audit(), Clock.systemUTC()), Clock.systemUTC())
                .lock(Actor.operator(), Username.of(name), reason);
    }

    HttpResponse<String> login(String name, String password, String... headers) {
        return send(post("/api/auth/login", "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}")
                .header("Content-Type", "application/json").headers(headers.length == 0 ? new String[] {"Accept", "*/*"} : headers)
                .build());
    }

    /** The session token from a sign-in's Set-Cookie. */
    static String token(HttpResponse<String> login) {
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(origin() + path)).GET();
    }

    HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(origin() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
        cli.close();
    }
}
