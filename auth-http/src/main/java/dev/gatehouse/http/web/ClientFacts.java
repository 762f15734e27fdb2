package dev.gatehouse.http.web;

import dev.gatehouse.http.config.IpLiteral;
import dev.gatehouse.http.config.Portal;
import dev.gatehouse.http.config.ServerSettings;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a request really came from. Forwarding headers are believed only when the socket's peer
 * is a configured trusted proxy; anyone else could write them.
 */
@Singleton
public class ClientFacts {

    /** The request attribute that keeps {@link #clientIp}'s answer. */
    private static final String CLIENT_IP = "gatehouse.clientIp";

    private final Set<String> trustedProxies;
    private final Portal portal;

    ClientFacts(ServerSettings settings) {
        this.trustedProxies = settings.trustedProxies().stream().map(ClientFacts::normalized).collect(Collectors.toSet());
        this.portal = settings.portal();
    }

    /** The separate auth host layout, if set up: its origin also counts as Gatehouse's own ({@link SameOrigin}). */
    public Portal portal() {
        return portal;
    }

    /**
     * How to set the session cookie for this request: Secure when the client used TLS, and with a
     * cookie domain ({@link Portal}) for that domain, Secure also whenever the portal is https (the
     * domain's cookie is for the public hosts, whatever this request came in by).
     */
    public SessionCookie.Scope cookieScope(HttpRequest<?> request) {
        return new SessionCookie.Scope(secure(request) || portal.https(), portal.cookieDomain());
    }

    /**
     * The client's IP: the socket peer, or the right-most untrusted hop of X-Forwarded-For behind a
     * trusted proxy. Hops are read as IP literals only ({@link IpLiteral#of}); a hop that is none (a
     * name, garbage) is never looked up and never taken as the client: the client is then unknown,
     * and the proxy that passed it on (the nearest trusted address) stands for it. Worked out once
     * per request (the key throttle, the caller and the audit all ask) and kept on it.
     */
    public String clientIp(HttpRequest<?> request) {
        Optional<String> known = request.getAttribute(CLIENT_IP, String.class);
        if (known.isPresent()) {
            return known.get();
        }
        String ip = fromHeaders(request);
        request.setAttribute(CLIENT_IP, ip);
        return ip;
    }

    private String fromHeaders(HttpRequest<?> request) {
        String peer = peer(request);
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = ServerSettings.csv(String.join(",", request.getHeaders().getAll("X-Forwarded-For")));
        String nearestTrusted = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = IpLiteral.of(hops.get(i));
            if (hop.isEmpty()) {
                return nearestTrusted;
            }
            if (!trusted(hop.get())) {
                return hop.get();
            }
            nearestTrusted = hop.get();
        }
        return nearestTrusted;
    }

    /** True if the client used TLS: directly, or as a trusted proxy says with X-Forwarded-Proto. */
    public boolean secure(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        return trusted(peer(request))
                && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto", String.class).orElse("").strip());
    }

    /** True if the socket's peer is a configured trusted proxy. */
    public boolean fromTrustedProxy(HttpRequest<?> request) {
        return trusted(peer(request));
    }

    private boolean trusted(String address) {
        return trustedProxies.contains(address);
    }

    private static String peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote.getAddress();
        return address != null ? address.getHostAddress() : remote.getHostString();
    }

    /** A configured proxy address in the spelling {@link IpLiteral#of} gives; names are kept as written. */
    private static String normalized(String address) {
        return IpLiteral.of(address).orElse(address.strip());
    }
}
