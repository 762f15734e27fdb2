package dev.gatehouse.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny WebSocket server standing in for an AI server's streaming endpoint (RFC 6455, just
 * enough): it accepts the upgrade, remembers the request's headers, and answers each text message
 * with {@code echo: } and the message, until the client closes.
 */
public final class WebSocketEcho implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    public final AtomicInteger upgrades = new AtomicInteger();
    private final ServerSocket socket;
    private final Thread acceptor;

    public WebSocketEcho() throws IOException {
        socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "websocket-echo");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                serve(client.getInputStream(), client.getOutputStream());
            } catch (IOException | RuntimeException closedOrBroken) {
                // the next connection gets a fresh start
            }
        }
    }

    private void serve(InputStream in, OutputStream out) throws IOException {
        String[] lines = head(in).split("\r\n");
        lastHeaders.clear();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                lastHeaders.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        String key = lastHeaders.get("sec-websocket-key");
        if (key == null || !"websocket".equalsIgnoreCase(lastHeaders.get("upgrade"))) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        upgrades.incrementAndGet();
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (true) {
            int first = in.read();
            int second = in.read();
            if (first < 0 || second < 0 || (first & 0x0f) == 0x8) {
                return; // closed
            }
            long length = second & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                throw new IOException("no large frames here");
            }
            byte[] mask = in.readNBytes(4);
            byte[] payload = in.readNBytes((int) length);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            byte[] reply = ("echo: " + new String(payload, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            out.write(0x81);
            out.write(reply.length); // short test messages: under 126 bytes
            out.write(reply);
            out.flush();
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the headers ended");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
