package dev.gatehouse.http;

import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.accounts.SetupCode;
import dev.gatehouse.http.access.SetupMode;
import dev.gatehouse.http.api.accounts.AvatarImages;
import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.config.LogSettings;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.forwardauth.AccessRules;
import dev.gatehouse.http.ops.ServerLogging;
import dev.gatehouse.http.ops.StartupReport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the Gatehouse HTTP server. Configuration is set here in code, not read from files, so
 * what runs is what {@link ServerSettings} says.
 */
public final class GatehouseServer {

    /** The largest request body accepted on any route but an avatar upload. */
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
        return start(settings, stores, null);
    }

    /**
     * As {@link #start(ServerSettings, Stores)}, with the operator's features and route table
     * ({@code null}: read from the environment, {@link AccessRules#fromEnvironment}).
     */
    public static EmbeddedServer start(ServerSettings settings, Stores stores, AccessRules access) {
        // Avatars are decoded with java.awt.image; a server has no display.
        System.setProperty("java.awt.headless", "true");
        java.util.List<Object> given = new java.util.ArrayList<>(java.util.List.of(settings));
        if (stores != null) {
            given.add(stores);
        }
        if (access != null) {
            given.add(access);
        }
        Object[] singletons = given.toArray();
        ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of(
                        "micronaut.server.host", settings.host(),
                        "micronaut.server.port", settings.port(),
                        // Avatar uploads may be larger; BodyLimits holds every other route to MAX_REQUEST_SIZE.
                        "micronaut.server.max-request-size", AvatarImages.MAX_UPLOAD_BYTES))
                .properties(dev.gatehouse.http.access.SecuritySettings.PROPERTIES)
                .singletons(singletons)
                .deduceEnvironment(false)
                .banner(false)
                .build();
        try {
            context.start();
            context.getBean(Stores.class); // open the store now: a wrong URL must fail the start, not the first request
            context.getBean(dev.gatehouse.core.port.in.SignIn.class); // and make the dummy hash before the first sign-in
            // and check the providers' settings (a missing base URL stops the start) and discover them
            dev.gatehouse.http.web.SignInProviders providers = context.getBean(dev.gatehouse.http.web.SignInProviders.class);
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            StartupReport.log(settings, server.getPort(), baseUrl(server), context.getBean(SetupMode.class).active(),
                    providers);
            return server;
        } catch (RuntimeException e) {
            if (context.isRunning()) {
                context.close();
            }
            throw settingsProblem(e);
        }
    }

    /** A setting a bean refused (a provider without a base URL, no way to sign in) says so itself, not wrapped. */
    private static RuntimeException settingsProblem(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException refused
                    && e instanceof io.micronaut.context.exceptions.BeanInstantiationException) {
                return refused;
            }
        }
        return e;
    }

    /**
     * While a server in {@code --auth auto} has no users: the URL that finishes setup, with the
     * one-time code in its fragment (browsers do not send fragments to servers or in Referer).
     */
    public static Optional<String> setupUrl(EmbeddedServer server) {
        ApplicationContext context = server.getApplicationContext();
        if (context.getBean(ServerSettings.class).auth() != AuthMode.AUTO || !context.getBean(SetupMode.class).active()) {
            return Optional.empty();
        }
        return Optional.of(baseUrl(server) + "/setup#code=" + setupCode(server).orElseThrow());
    }

    /** The one-time setup code, while setup is needed. */
    public static Optional<String> setupCode(EmbeddedServer server) {
        ApplicationContext context = server.getApplicationContext();
        return context.getBean(SetupMode.class).active()
                ? Optional.of(context.getBean(SetupCode.class).display()) : Optional.empty();
    }

    /**
     * The address people should open: the listening one, or for a wildcard address (0.0.0.0, ::)
     * this machine's first site-local address, so a phone scanning the QR code can reach it.
     */
    public static String baseUrl(EmbeddedServer server) {
        String host = server.getHost();
        try {
            InetAddress listening = InetAddress.getByName(host);
            if (listening.isAnyLocalAddress()) {
                host = LocalAddress.siteLocal().orElse("127.0.0.1");
            }
        } catch (java.net.UnknownHostException e) {
            // a name: keep it
        }
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return server.getScheme() + "://" + shown + ":" + server.getPort();
    }

    /** What the server prints at start: where it listens, and in setup mode the code, URL and QR code. */
    public static String startMessage(EmbeddedServer server) {
        ServerSettings settings = server.getApplicationContext().getBean(ServerSettings.class);
        StringBuilder out = new StringBuilder("Gatehouse is listening on " + baseUrl(server) + " (auth "
                + settings.auth().label() + ")\n");
        setupUrl(server).ifPresent(url -> out.append("\nNo users yet: finish setup in a browser. Setup code: ")
                .append(setupCode(server).orElseThrow()).append("\n  ").append(url).append("\n\n")
                .append(TerminalQr.render(url))
                .append("(Or run 'gatehouse user add admin' on this machine; the server notices.)\n"));
        if (settings.auth() == AuthMode.NONE) {
            out.append("WARNING: --auth none: no sign-in, every request acts as an administrator.\n");
        }
        return out.toString();
    }

    /**
     * {@code java -cp ... dev.gatehouse.http.GatehouseServer [STORE-URL]}; everything else from
     * the environment ({@link ServerSettings#fromEnvironment}, {@link LogSettings#fromEnvironment}).
     */
    public static void main(String[] args) {
        ServerLogging.configure(LogSettings.fromEnvironment(System.getenv()));
        ServerSettings env = ServerSettings.fromEnvironment(System.getenv(), System.getProperty("user.home"));
        ServerSettings settings = args.length == 0 ? env
                : new ServerSettings(env.host(), env.port(), args[0], env.trustedProxies());
        EmbeddedServer server = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "gatehouse-shutdown"));
        System.out.print(startMessage(server));
    }
}
