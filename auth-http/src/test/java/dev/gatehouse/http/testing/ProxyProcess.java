package dev.gatehouse.http.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A reverse proxy (nginx, Caddy) a test runs as an ordinary foreground process on a free loopback
 * port: started, waited for until it listens, and stopped (SIGTERM, then by force after 10 s).
 */
public abstract class ProxyProcess implements AutoCloseable {

    public final int port = freePort();
    private Process process;

    /** The proxy's name, for messages. */
    public abstract String name();

    /** What the proxy logged, for failure messages. */
    public abstract String log();

    /** Takes over the started {@code process} and waits until it listens on {@link #port}. */
    protected final void started(Process started) throws InterruptedException {
        process = started;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " stopped at start (exit " + process.exitValue() + "): " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException(name() + " did not listen on " + port + " within 20 s: " + log());
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy(); // SIGTERM: nginx's fast shutdown, Caddy's graceful stop
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
