package dev.gatehouse.http.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.core.model.accounts.Actor;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Role;
import dev.gatehouse.core.model.accounts.User;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.MintApiKey;
import dev.gatehouse.core.port.out.PasswordHasher;
import dev.gatehouse.core.port.out.SecureRandomSource;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.accounts.AddUserService;
import dev.gatehouse.core.service.accounts.LockUserService;
import dev.gatehouse.core.service.accounts.PasswordPolicy;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.core.service.apikeys.LastUsedRecorder;
import dev.gatehouse.core.service.apikeys.MintApiKeyService;
import dev.gatehouse.core.service.audit.AuditTrail;
import dev.gatehouse.core.service.support.TokenDigests;
import dev.gatehouse.crypto.Argon2idParameters;
import dev.gatehouse.crypto.PasswordHashers;
import dev.gatehouse.http.GatehouseServer;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.config.SignInOptions;
import dev.gatehouse.http.forwardauth.AccessRules;
import dev.gatehouse.http.web.SessionCookie;
import dev.gatehouse.http.wiring.StoreUrl;
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
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real server on a fresh SQLite file under {@code target/}, plus a second set of stores on the
 * same file to change accounts behind the server's back, as the CLI would.
 */
public final class RunningServer implements AutoCloseable {

    /** A cheap Argon2id, so tests add users fast; the server verifies any parameters. */
    private static final PasswordHasher HASHER = PasswordHashers.withParameters(new Argon2idParameters(1024, 1, 1));

    private static final ObjectMapper JSON = new ObjectMapper();

    public final EmbeddedServer server;
    public final Stores cli;
    private final HttpClient http = HttpClient.newHttpClient();

    public RunningServer() throws IOException {
        this(List.of());
    }

    public RunningServer(List<String> trustedProxies) throws IOException {
        this(settings -> new ServerSettings(settings.host(), settings.port(), settings.storeUrl(), trustedProxies));
    }

    /** A server with settings changed from the defaults (auth mode, keys, idle timeout). */
    public RunningServer(java.util.function.UnaryOperator<ServerSettings> tweak) throws IOException {
        this("sqlite:" + Files.createTempDirectory("gatehouse-http-").resolve("gatehouse.db"), tweak);
    }

    /** A server with the operator's permission rules {@code access} instead of the environment's. */
    public RunningServer(AccessRules access) throws IOException {
        String storeUrl = "sqlite:" + Files.createTempDirectory("gatehouse-http-").resolve("gatehouse.db");
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, storeUrl, List.of());
        cli = JdbcStores.open(JdbcSettings.parse(storeUrl));
        server = GatehouseServer.start(settings, null, access);
    }

    /** A server on the store at {@code storeUrl} (SQLite, PostgreSQL or JSON), with the CLI's handle on it too. */
    public RunningServer(String storeUrl, java.util.function.UnaryOperator<ServerSettings> tweak) {
        server = GatehouseServer.start(tweak.apply(new ServerSettings("127.0.0.1", 0, storeUrl, List.of())));
        cli = StoreUrl.parse(storeUrl, System.getProperty("user.home")).open();
    }

    /**
     * A server with sign-in providers configured by {@code env} (the names the server reads:
     * {@code GATEHOUSE_OIDC_*}, {@code GATEHOUSE_GITHUB_*}), listening on a free port that its base
     * URL ({@code --base-url}) names, so the redirect URIs lead back to it; {@code tweak} changes
     * the rest (the registration mode, the password form).
     */
    public static RunningServer withProviders(Map<String, String> env, java.util.function.UnaryOperator<ServerSettings> tweak)
            throws IOException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        return new RunningServer(settings -> tweak.apply(new ServerSettings(settings.host(), port, settings.storeUrl(),
                settings.trustedProxies(), settings.auth(), settings.apiKeys(), settings.sessionIdle(),
                settings.keyLifetime(), settings.registration(), settings.impersonationLimit(), settings.allowedHosts(),
                settings.portal(), SignInOptions.DEFAULTS.withBaseUrl(Optional.of(base)).withProviderEnvironment(env))));
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** Adds a user through the second store handle; the very first user and "admin" are administrators. */
    public void addUser(String name, String password) {
        add(name, password, false);
    }

    /** Adds an administrator through the second store handle. */
    public void addAdmin(String name, String password) {
        add(name, password, true);
    }

    private void add(String name, String password, boolean admin) {
        AuditTrail audit = new AuditTrail(cli.audit(), Clock.systemUTC());
        var result = new AddUserService(cli.users(), cli.sessions(), HASHER, PasswordPolicy.defaults(), audit,
                Clock.systemUTC()).add(new AddUser.Command(Actor.operator(), Username.of(name), Password.of(password), admin));
        if (!(result instanceof AddUser.Created)) {
            throw new IllegalStateException("Could not add " + name + ": " + result);
        }
    }

    /** Adds many plain users at once, all with {@code password} (hashed once), straight into the store. */
    public void addUsers(List<String> names, String password) {
        String hash = HASHER.hash(Password.of(password));
        Instant now = Instant.now();
        for (String name : names) {
            if (!cli.users().insert(User.create(Username.of(name), hash, EnumSet.of(Role.USER), now))) {
                throw new IllegalStateException("Could not add " + name + ": the name is taken");
            }
        }
    }

    public void lock(String name, String reason) {
        new LockUserService(cli.users(), cli.sessions(), new AuditTrail(cli.audit(), Clock.systemUTC()), Clock.systemUTC())
                .lock(Actor.operator(), Username.of(name), reason);
    }

    /** Mints a key for {@code owner} through the second store handle, as {@code gatehouse token create} would. */
    public MintApiKey.Minted mintKey(String owner) {
        return mintKey(owner, Set.of());
    }

    /** A key for {@code owner} narrowed to {@code scopes}, minted through the second store handle. */
    public MintApiKey.Minted mintKey(String owner, Set<String> scopes) {
        var result = new MintApiKeyService(cli.users(), cli.apiKeys(), new TokenDigests(SecureRandomSource.system(),
                cli.secrets()), SecureRandomSource.system(), KeyPolicy.defaults(), new AuditTrail(cli.audit(),
                Clock.systemUTC()), Clock.systemUTC()).mint(new MintApiKey.Command(Actor.operator(),
                Optional.of(Username.of(owner)), Optional.empty(), Optional.empty(), scopes));
        if (!(result instanceof MintApiKey.Minted minted)) {
            throw new IllegalStateException("Could not mint a key for " + owner + ": " + result);
        }
        return minted;
    }

    /**
     * A request as a script sends it: {@code key} (if not null) as {@code Authorization: Bearer},
     * no {@code Origin}, {@code body} (if not null) as JSON.
     */
    public HttpResponse<String> keyed(String method, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    /** Writes the key uses the server noted in memory, as its 30-second timer would. */
    public int flushKeyUse() {
        return server.getApplicationContext().getBean(LastUsedRecorder.class).flush();
    }

    public HttpResponse<String> login(String name, String password, String... headers) {
        return send(post("/api/auth/login", "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}")
                .header("Content-Type", "application/json").headers(headers.length == 0 ? new String[] {"Accept", "*/*"} : headers)
                .build());
    }

    /** Signs in, expecting success, and returns the Cookie header value for the new session. */
    public String signIn(String name, String password) {
        HttpResponse<String> login = login(name, password);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Sign-in of " + name + " failed: " + login.statusCode() + " " + login.body());
        }
        return cookie(token(login));
    }

    /** The Cookie header value that carries {@code token}. */
    public static String cookie(String token) {
        return SessionCookie.NAME + "=" + token;
    }

    /**
     * A request as our own pages send it: {@code Origin} is the server, {@code body} (if not null)
     * is JSON, {@code cookie} (if not null) is the Cookie header.
     */
    public HttpResponse<String> json(String method, String path, String body, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Origin", origin());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    /** The status {@code GET /api/me} answers with this Cookie header: 200 while the session lives, else 401. */
    public int me(String cookie) {
        return send(get("/api/me").header("Cookie", cookie).build()).statusCode();
    }

    /** The body, parsed. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("The body is not JSON: " + response.body(), e);
        }
    }

    /** A JSON error's body without its {@code request_id}, which is every answer's own: for comparing answers. */
    public static String withoutRequestId(String body) {
        return body.replaceFirst(",\"request_id\":\"[0-9a-f]{16}\"", "");
    }

    /** Asserts an error answer: its status and its stable code. */
    public static void assertError(int status, String code, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, json(response).path("error").asText(), response.body());
    }

    /** The session token from a sign-in's Set-Cookie. */
    public static String token(HttpResponse<String> login) {
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    public HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(origin() + path)).GET();
    }

    public HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(origin() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    public HttpResponse<String> send(HttpRequest request) {
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
