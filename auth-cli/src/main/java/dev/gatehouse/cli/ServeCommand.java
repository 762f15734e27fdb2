package dev.gatehouse.cli;

import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.http.GatehouseServer;
import dev.gatehouse.http.ServerSettings;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse serve}: runs the HTTP server on the chosen store until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Gatehouse server on the store (sign-in, sessions and /api/me today; see docs/api.md).",
                       "The CLI keeps working on the same store while it runs."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse serve                               # http://127.0.0.1:8000, default store",
                  "  gatehouse serve --host 0.0.0.0 --port 9000 --trusted-proxy 10.0.0.2",
                  "  GATEHOUSE_STORE=postgres://gh:secret@db:5432/gatehouse gatehouse serve"})
final class ServeCommand extends CliCommand {

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:GATEHOUSE_HOST:-127.0.0.1}",
            description = "Address to listen on (default ${DEFAULT-VALUE}). Env: GATEHOUSE_HOST.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:GATEHOUSE_PORT:-8000}",
            description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}). Env: GATEHOUSE_PORT.")
    int port;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",",
            description = "A proxy whose X-Forwarded-For and X-Forwarded-Proto are believed (repeatable)."
                    + " Env: GATEHOUSE_TRUSTED_PROXIES.")
    List<String> trustedProxies;

    @Override
    public Integer call() throws InterruptedException {
        Invocation invocation = invocation();
        StoreUrl url = invocation.storeUrl();
        List<String> proxies = trustedProxies != null ? trustedProxies : ServerSettings.csv(
                invocation.environment().variable("GATEHOUSE_TRUSTED_PROXIES") == null ? ""
                        : invocation.environment().variable("GATEHOUSE_TRUSTED_PROXIES"));
        ServerSettings settings = new ServerSettings(host, port, url.toString(), proxies);
        Stores stores = url.open();
        EmbeddedServer server;
        try {
            server = GatehouseServer.start(settings, stores);
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stores.close();
            stopped.countDown();
        }, "gatehouse-shutdown"));
        invocation.say("Gatehouse is listening on " + server.getURL() + " (store " + url + "). Stop with Ctrl-C.");
        stopped.await();
        return ExitCodes.OK;
    }
}
