package dev.gatehouse.http.testing;

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
public final class Nginx extends ProxyProcess {

    public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("GATEHOUSE_NGINX", "/usr/sbin/nginx"));
    /** The configuration docs/deployment.md shows, verbatim. */
    public static final Path TEMPLATE = Path.of(System.getProperty("gatehouse.repo", "..")).resolve("docs/forward-auth/nginx.conf");

    /** The separate auth host configuration docs/deployment.md shows, verbatim. */
    public static final Path TWO_HOSTS = TEMPLATE.resolveSibling("nginx-two-hosts.conf");

    public final Path prefix;

    /** Starts nginx with the documented site, Gatehouse and the AI server on the given ports. */
    public Nginx(int gatehousePort, int upstreamPort) throws IOException, InterruptedException {
        this(listen -> site(read(TEMPLATE), gatehousePort, upstreamPort, listen));
    }

    /**
     * Starts nginx with the documented two-host site: both servers on the test's port, named
     * {@code authName} and {@code aiName} instead of auth.example.com and ai.example.com.
     */
    public static Nginx twoHosts(int gatehousePort, int upstreamPort, String authName, String aiName)
            throws IOException, InterruptedException {
        return new Nginx(listen -> twoHostSite(read(TWO_HOSTS), gatehousePort, upstreamPort, listen, authName, aiName));
    }

    /** The two-host site with the test's ports and names; each documented one must occur as often as the document has it. */
    public static String twoHostSite(String template, int gatehousePort, int upstreamPort, int listenPort, String authName,
                              String aiName) {
        String site = swap(template, "server 127.0.0.1:8000;", "server 127.0.0.1:" + gatehousePort + ";", 1);
        site = swap(site, "server 127.0.0.1:8080;", "server 127.0.0.1:" + upstreamPort + ";", 1);
        site = swap(site, "listen 80;", "listen 127.0.0.1:" + listenPort + ";", 2);
        site = swap(site, "server_name auth.example.com;", "server_name " + authName + ";", 1);
        return swap(site, "server_name ai.example.com;", "server_name " + aiName + ";", 1);
    }

    private static String swap(String site, String documented, String tested, int times) {
        int found = site.split(java.util.regex.Pattern.quote(documented), -1).length - 1;
        if (found != times) {
            throw new IllegalStateException(TWO_HOSTS + " must contain '" + documented + "' " + times + " time(s), not "
                    + found + "; change Nginx.twoHostSite with the document");
        }
        return site.replace(documented, tested);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Nginx(java.util.function.IntFunction<String> site) throws IOException, InterruptedException {
        prefix = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "nginx-").toAbsolutePath();
        Files.createDirectories(prefix.resolve("logs"));
        Files.writeString(prefix.resolve("site.conf"), site.apply(port));
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
    public static String site(String template, int gatehousePort, int upstreamPort, int listenPort) {
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
    public String name() {
        return "nginx";
    }

    /** nginx's output and error log. */
    @Override
    public String log() {
        try {
            return Files.readString(prefix.resolve("logs/stdout.log")) + Files.readString(prefix.resolve("logs/error.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
