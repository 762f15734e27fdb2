package dev.gatehouse.http;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a request really came from. Forwarding headers are believed only when the socket's peer
 * is a configured trusted proxy; anyone else could write them.
 */
@Singleton
class ClientFacts {

    private final Set<String> trustedProxies;

    ClientFacts(ServerSettings settings) {
        this.trustedProxies = settings.trustedProxies().stream().map(ClientFacts::normalized).collect(Collectors.toSet());
    }

    /** The client's IP: the socket peer, or the right-most untrusted hop of X-Forwarded-For behind a trusted proxy. */
    String clientIp(HttpRequest<?> request) {
        String peer = peer(request);
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = ServerSettings.csv(String.join(",", request.getHeaders().getAll("X-Forwarded-For")));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normalized(hops.get(i));
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : normalized(hops.get(0));
    }

    /** True if the client used TLS: directly, or as a trusted proxy says with X-Forwarded-Proto. */
    boolean secure(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        return trusted(peer(request))
                && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto", String.class).orElse("").strip());
    }

    private boolean trusted(String address) {
        return trustedProxies.contains(address);
    }

    private static String peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote.getAddress();
        return address != null ? address.getHostAddress() : remote.getHostString();
    }

    /** One spelling per address, so "::1" and "0:0:0:0:0:0:0:1" match; names are never looked up. */
    private static String normalized(String address) {
        String text = address.strip();
        if (text.matches("[0-9.]+") || text.contains(":")) {
            try {
                return InetAddress.getByName(text.replaceAll("^\\[|]$", "")).getHostAddress();
            } catch (java.net.UnknownHostException e) {
                return text;
            }
        }
        return text;
    }
}
