package dev.gatehouse.http.access;

import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.config.IpLiteral;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.ClientFacts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;
import java.util.Optional;

/**
 * Against DNS rebinding: a web page on a name its owner points at 127.0.0.1 is "same-origin" with
 * itself, so only the name a request was sent to ({@code Host}) can tell it apart. A request is
 * answered only when its {@code Host} is an IP address, {@code localhost}, the listening address,
 * or a name the operator allowed ({@code --allowed-host}, {@code GATEHOUSE_ALLOWED_HOSTS}, and the
 * host of {@code --portal-url});
 * everything else gets 421 {@code host_not_allowed}. State changes must then also come from a page
 * of that same host ({@link SameOrigin}, checked by {@link ForeignPages} and {@link AccessRule}: 403 {@code csrf}), so their
 * {@code Origin} is held to the allowed names too. In {@code --auth none} (every caller an administrator) this holds for
 * every request; in the other modes for requests to a server listening on loopback that do not
 * come from a trusted proxy (a proxy chooses the names it serves itself). {@code /healthz},
 * {@code /readyz} and {@code /auth/verify} answer any name: they tell nothing a rebound page could
 * use and change nothing (and a proxy's check request names the upstream, e.g. nginx's
 * {@code gatehouse}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
public class HostCheck {

    private final ServerSettings settings;
    private final ClientFacts client;
    private final RouteRules routes;
    /** The listening address as a Host header names it ({@link #bare}), read once at start. */
    private final String listen;
    private final boolean loopback;

    HostCheck(ServerSettings settings, ClientFacts client, RouteRules routes) {
        this.settings = settings;
        this.routes = routes;
        this.client = client;
        this.listen = bare(settings.host());
        this.loopback = listen.equals("localhost") || IpLiteral.of(listen)
                .map(address -> address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1")).orElse(false);
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.equals("/healthz") || path.equals("/readyz") || !applies(request) || routes.of(request).checksItself()) {
            return null;
        }
        Optional<String> host = request.getHeaders().get("Host", String.class).map(HostCheck::hostOf);
        if (host.isPresent() && !allowed(host.get())) {
            return ApiError.response(HttpStatus.MISDIRECTED_REQUEST, "host_not_allowed", "This server does not"
                    + " answer to the name '" + shown(host.get()) + "'. Open it by IP address or localhost,"
                    + " or, if this name is really yours, start Gatehouse with --allowed-host NAME"
                    + " (GATEHOUSE_ALLOWED_HOSTS).");
        }
        return null;
    }

    private boolean applies(HttpRequest<?> request) {
        return settings.auth() == AuthMode.NONE || loopback && !client.fromTrustedProxy(request);
    }

    private boolean allowed(String name) {
        if (name.isEmpty()) {
            return false;
        }
        // An IP address cannot be rebound: a page opened by address is of that address.
        if (name.equals("localhost") || name.equals(listen) || IpLiteral.of(name).isPresent()) {
            return true;
        }
        // The portal's host is a name the operator gave: Gatehouse's pages are served there.
        return settings.portal().host().filter(name::equals).isPresent() || ServerSettings.hostAllowed(settings.allowedHosts(), name);
    }

    /** The name in a Host header: without port, brackets kept off, lower-case, no trailing dot. */
    static String hostOf(String header) {
        String text = header.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            return end < 0 ? "" : text.substring(1, end);
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && colon == text.lastIndexOf(':')) {
            text = text.substring(0, colon);
        }
        return bare(text);
    }

    private static String bare(String name) {
        String text = name.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** A name as the message may show it: printable, at most 100 characters. */
    private static String shown(String name) {
        String printable = name.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "…" : printable;
    }
}
