package dev.gatehouse.http;

import dev.gatehouse.core.port.out.Stores;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;

/**
 * Starts the Gatehouse HTTP server. Configuration is set here in code, not read from files, so
 * what runs is what {@link ServerSettings} says.
 */
public final class GatehouseServer {

    /** The largest request body accepted; sign-in bodies are tiny, avatars will need their own limit. */
    public static final long MAX_REQUEST_SIZE = 1024 * 1024;

    private GatehouseServer() {
    }

    /** Opens the store, starts the server and returns it; {@code stop()} closes the store. */
    public static EmbeddedServer start(ServerSettings settings) {
        return start(settings, null);
    }

    /**
     * Starts the server on {@code stores} opened by the caller (the CLI, which already knows how to
     * open any store URL), who also closes them after {@code stop()}; {@code settings.storeUrl()}
     * then only names them in messages.
     */
    public static EmbeddedServer start(ServerSettings settings, Stores stores) {
        Object[] singletons = stores == null ? new Object[] {settings} : new Object[] {settings, stores};
        ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of(
                        "micronaut.server.host", settings.host(),
                        "micronaut.server.port", settings.port(),
                        "micronaut.server.max-request-size", MAX_REQUEST_SIZE))
                .singletons(singletons)
                .deduceEnvironment(false)
                .banner(false)
                .build();
        try {
            context.start();
            context.getBean(Stores.class); // open the store now: a wrong URL must fail the start, not the first request
            context.getBean(dev.gatehouse.core.port.in.SignIn.class); // and make the dummy hash before the first sign-in
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            return server;
        } catch (RuntimeException e) {
            if (context.isRunning()) {
                context.close();
            }
            throw e;
        }
    }

    /**
     * {@code java -cp ... dev.gatehouse.http.GatehouseServer [STORE-URL]}; everything else from
     * the environment ({@link ServerSettings#fromEnvironment}).
     */
    public static void main(String[] args) {
        ServerSettings env = ServerSettings.fromEnvironment(System.getenv(), System.getProperty("user.home"));
        ServerSettings settings = args.length == 0 ? env
                : new ServerSettings(env.host(), env.port(), args[0], env.trustedProxies());
        EmbeddedServer server = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "gatehouse-shutdown"));
        System.out.println("Gatehouse is listening on " + server.getURL());
    }
}
