package dev.gatehouse.http.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Caddy (Debian's package) run by the test as an ordinary foreground process on a free
 * loopback port: no admin endpoint, no automatic HTTPS, its data and config directories under
 * {@code target/}, and the site of docs/deployment.md ({@link #TEMPLATE}) with the test's
 * addresses put in.
 */
public final class Caddy extends ProxyProcess {

    public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("GATEHOUSE_CADDY", "/usr/bin/caddy"));
    /** The Caddyfile docs/deployment.md shows, verbatim. */
    public static final Path TEMPLATE = Path.of(System.getProperty("gatehouse.repo", "..")).resolve("docs/forward-auth/Caddyfile");

    /**
     * What the test needs around the documented site: plain HTTP on loopback only, no admin
     * endpoint, a quick stop, and every proxied round trip in the log (credentials redacted).
     */
    public static final String GLOBAL_OPTIONS = String.join("\n",
            "{",
            "\tadmin off",
            "\tdefault_bind 127.0.0.1",
            "\tauto_https off",
            "\tgrace_period 2s",
            "\tdebug",
            "}", "", "");

    /** The separate auth host Caddyfile docs/deployment.md shows, verbatim. */
    public static final Path TWO_HOSTS = TEMPLATE.resolveSibling("Caddyfile-two-hosts");

    public final Path home;

    /** Starts Caddy with the documented site, Gatehouse and the AI server on the given ports. */
    public Caddy(int gatehousePort, int upstreamPort) throws IOException, InterruptedException {
        this(listen -> site(read(TEMPLATE), gatehousePort, upstreamPort, listen));
    }

    /**
     * Starts Caddy with the documented two-host Caddyfile: both sites on the test's port over plain
     * HTTP, named {@code authName} and {@code aiName} instead of auth.example.com and ai.example.com.
     */
    public static Caddy twoHosts(int gatehousePort, int upstreamPort, String authName, String aiName)
            throws IOException, InterruptedException {
        return new Caddy(listen -> twoHostSite(read(TWO_HOSTS), gatehousePort, upstreamPort, listen, authName, aiName));
    }

    /** The two-host Caddyfile with the test's names and ports; each documented one as often as the document has it. */
    public static String twoHostSite(String template, int gatehousePort, int upstreamPort, int listenPort, String authName,
                              String aiName) {
        String site = swap(template, "\nauth.example.com {", "\nhttp://" + authName + ":" + listenPort + " {", 1);
        site = swap(site, "\nai.example.com {", "\nhttp://" + aiName + ":" + listenPort + " {", 1);
        // Each address also once in the comment at the top.
        site = swap(site, "127.0.0.1:8000", "127.0.0.1:" + gatehousePort, 3);
        return swap(site, "127.0.0.1:8080", "127.0.0.1:" + upstreamPort, 2);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Caddy(java.util.function.IntFunction<String> site) throws IOException, InterruptedException {
        home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "caddy-").toAbsolutePath();
        Path config = home.resolve("Caddyfile");
        Files.writeString(config, GLOBAL_OPTIONS + site.apply(port));
        ProcessBuilder builder = new ProcessBuilder(List.of(EXECUTABLE.toString(), "run", "--config", config.toString(),
                "--adapter", "caddyfile")).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("caddy.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        started(builder.start());
    }

    /**
     * The documented site with the test's addresses: each documented address must occur as often
     * as the document has it (the site once, Gatehouse twice, the AI server once), so a changed
     * document cannot leave the test on addresses nobody listens on.
     */
    public static String site(String template, int gatehousePort, int upstreamPort, int listenPort) {
        String site = swap(template, "ai.example.com {", "http://127.0.0.1:" + listenPort + " {", 1);
        site = swap(site, "127.0.0.1:8000", "127.0.0.1:" + gatehousePort, 2);
        return swap(site, "127.0.0.1:8080", "127.0.0.1:" + upstreamPort, 1);
    }

    private static String swap(String site, String documented, String tested, int times) {
        int found = site.split(java.util.regex.Pattern.quote(documented), -1).length - 1;
        if (found != times) {
            throw new IllegalStateException("The Caddyfile must contain '" + documented.strip() + "' " + times
                    + " time(s), not " + found + "; change Caddy.site or Caddy.twoHostSite with the document");
        }
        return site.replace(documented, tested);
    }

    @Override
    public String name() {
        return "caddy";
    }

    /** Caddy's log (its standard output and error). */
    @Override
    public String log() {
        try {
            return Files.readString(home.resolve("caddy.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
