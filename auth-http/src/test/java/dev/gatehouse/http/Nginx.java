package dev.gatehouse.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's package) run by the test as an ordinary foreground process on a free
 * port: its own prefix directory under {@code target/}, pid file, logs and temp directories there,
 * and the site configuration of docs/deployment.md ({@link #TEMPLATE}) with the test's ports put in.
 */
final class Nginx extends ProxyProcess {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("GATEHOUSE_NGINX", "/usr/sbin/nginx"));
    /** The configuration docs/deployment.md shows, verbatim. */
    static final Path TEMPLATE = Path.of(System.getProperty("gatehouse.repo", "..")).resolve("docs/forward-auth/nginx.conf");

    final Path prefix;

    /** Starts nginx with the documented site, Gatehouse and the AI server on the given ports. */
    Nginx(int gatehousePort, int upstreamPort) throws IOException, InterruptedException {
        prefix = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "nginx-").toAbsolutePath();
        Files.createDirectories(prefix.resolve("logs"));
        Files.writeString(prefix.resolve("site.conf"), site(Files.readString(TEMPLATE), gatehousePort, upstreamPort, port));
        Files.writeString(prefix.resolve("nginx.conf"), String.join("\n",
                "daemon off;",
                "master_process off;",
                "pid " + prefix.resolve("nginx.pid") + ";",
                "error_log " + prefix.resolve("logs/error.log") + " info;",
                "events { worker_connections 64; }",
                "http {",
                "    access_log " + prefix.resolve("logs/access.log") + ";",
                "    client_body_temp_path " + prefix.resolve("body") + ";",
                "    proxy_temp_path " + prefix.resolve("proxy") + ";",
                "    fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
                "    scgi_temp_path " + prefix.resolve("scgi") + ";",
                "    include " + prefix.resolve("site.conf") + ";",
                "}", ""));
        started(new ProcessBuilder(List.of(EXECUTABLE.toString(), "-p", prefix.toString(), "-e",
                prefix.resolve("logs/error.log").toString(), "-c", prefix.resolve("nginx.conf").toString()))
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start());

    }

    /**
     * The documented site with the test's ports: each documented address must occur exactly once,
     * so a changed document cannot leave the test on ports nobody listens on.
     */
    static String site(String template, int gatehousePort, int upstreamPort, int listenPort) {
        String site = template;
        for (String[] swap : List.of(new String[] {"server 127.0.0.1:8000;", "server 127.0.0.1:" + gatehousePort + ";"},
                new String[] {"server 127.0.0.1:8080;", "server 127.0.0.1:" + upstreamPort + ";"},
                new String[] {"listen 80;", "listen 127.0.0.1:" + listenPort + ";"})) {
            if (site.indexOf(swap[0]) < 0 || site.indexOf(swap[0]) != site.lastIndexOf(swap[0])) {
                throw new IllegalStateException(TEMPLATE + " must contain '" + swap[0] + "' exactly once");
            }
            site = site.replace(swap[0], swap[1]);
        }
        return site;
    }

    @Override
    String name() {
        return "nginx";
    }

    /** nginx's output and error log. */
    @Override
    String log() {
        try {
            return Files.readString(prefix.resolve("logs/stdout.log")) + Files.readString(prefix.resolve("logs/error.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
