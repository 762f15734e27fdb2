package dev.gatehouse.http;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a request really came from. Forwarding headers are believed only when the socket's peer
 * is a configured trusted proxy; anyone else could write them.
 */
@Singleton
class ClientFacts {

    /** The request attribute that keeps {@link #clientIp}'s answer. */
    private static final String CLIENT_IP = "gatehouse.clientIp";

    private final Set<String> trustedProxies;
    private final Portal portal;

    ClientFacts(ServerSettings settings) {
        this.trustedProxies = settings.trustedProxies().stream().map(ClientFacts::normalized).collect(Collectors.toSet());
        this.portal = settings.portal();
    }

    /** The separate auth host layout, if set up: its origin also counts as Gatehouse's own ({@link SameOrigin}). */
    Portal portal() {
        return portal;
    }

    /**
     * How to set the session cookie for this request: Secure when the client used TLS, and with a
     * cookie domain ({@link Portal}) for that domain, Secure also whenever the portal is https (the
     * domain's cookie is for the public hosts, whatever this request came in by).
     */
    SessionCookie.Scope cookieScope(HttpRequest<?> request) {
        return new SessionCookie.Scope(secure(request) || portal.https(), portal.cookieDomain());
    }

    /**
     * The client's IP: the socket peer, or the right-most untrusted hop of X-Forwarded-For behind a
     * trusted proxy. Hops are read as IP literals only ({@link #literal}); a hop that is none (a
     * name, garbage) is never looked up and never taken as the client: the client is then unknown,
     * and the proxy that passed it on (the nearest trusted address) stands for it. Worked out once
     * per request (the key throttle, the caller and the audit all ask) and kept on it.
     */
    String clientIp(HttpRequest<?> request) {
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
            Optional<String> hop = literal(hops.get(i));
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
    boolean secure(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        return trusted(peer(request))
                && "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto", String.class).orElse("").strip());
    }

    /** True if the socket's peer is a configured trusted proxy. */
    boolean fromTrustedProxy(HttpRequest<?> request) {
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

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]+):\\d{1,5}");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::\\d{1,5})?");
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    /**
     * The address an X-Forwarded-For hop names, in one spelling per address ("::1" and
     * "0:0:0:0:0:0:0:1" match), if it is an IP literal as proxies write them: IPv4, IPv6,
     * bracketed IPv6, either with a port. Anything else is empty and never reaches a resolver:
     * only text already checked to hold nothing but digits, hex letters, dots and colons is given
     * and starting with a hex digit or colon is given to {@link InetAddress#getByName}, which parses
     * such text as a literal (or refuses it) without a lookup.
     */
    static Optional<String> literal(String hop) {
        String text = hop.strip();
        Matcher withPort = IPV4_WITH_PORT.matcher(text);
        if (withPort.matches()) {
            text = withPort.group(1);
        }
        Matcher bracketed = BRACKETED.matcher(text);
        if (bracketed.matches()) {
            text = bracketed.group(1);
            if (!text.contains(":")) {
                return Optional.empty();
            }
        }
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6.matcher(text).matches() || text.length() > 45) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getHostAddress());
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A configured proxy address in the spelling {@link #literal} gives; names are kept as written. */
    private static String normalized(String address) {
        return literal(address).orElse(address.strip());
    }
}
