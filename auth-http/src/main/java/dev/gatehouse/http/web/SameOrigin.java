package dev.gatehouse.http.web;

import dev.gatehouse.http.config.Portal;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The CSRF baseline: a browser names the page that sent a request in {@code Origin} (or at least
 * {@code Referer}); it must be a page of the host the request was sent to, or of the sign-in
 * portal ({@link Portal}: its scheme, host and port exactly), whatever {@code Host} the proxy passed
 * on. A page of another host under the cookie domain (the AI server's) is not Gatehouse's: its
 * browser sends the session cookie along (same site), so only this check stops it. When the
 * request came over TLS the page must be an https one too: a plain-HTTP page of the same name is
 * another origin, and one anyone on the network can write.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /**
     * True if Origin, or failing that Referer, names the request's own Host (an https page, if the
     * request came over TLS: {@code secure}) or the portal; false if neither does.
     */
    public static boolean check(HttpRequest<?> request, boolean secure, Portal portal) {
        Optional<String> host = request.getHeaders().get("Host", String.class).map(SameOrigin::authority);
        Optional<String> sent = request.getHeaders().get("Origin", String.class)
                .or(() -> request.getHeaders().get("Referer", String.class));
        Optional<String> source = sent.flatMap(url -> authorityOfUrl(url, secure ? Optional.of("https") : Optional.empty()));
        if (host.isPresent() && source.isPresent() && host.get().equals(source.get())) {
            return true;
        }
        return portal.origin().isPresent() && sent.flatMap(SameOrigin::originOfUrl).equals(portal.origin());
    }

    /**
     * True if {@code page} (an Origin) is a page of {@code host} (written as in a Host header), and
     * of {@code scheme} when that is known: forward auth's check, where the proxy names the site.
     */
    public static boolean pageOf(String page, String host, Optional<String> scheme) {
        return authorityOfUrl(page, scheme).filter(authority(host)::equals).isPresent();
    }

    /** {@code scheme://host[:port]} of a URL, the port only when not the scheme's default. */
    private static Optional<String> originOfUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            return authorityOfUrl(url, Optional.empty())
                    .map(authority -> uri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> authorityOfUrl(String url, Optional<String> scheme) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return Optional.empty(); // "null" origins, relative or broken URLs
            }
            if (scheme.isPresent() && !uri.getScheme().equalsIgnoreCase(scheme.get())) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && uri.getScheme().equalsIgnoreCase("http")
                    || port == 443 && uri.getScheme().equalsIgnoreCase("https");
            return Optional.of(authority(uri.getHost() + (defaultPort ? "" : ":" + port)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Lower-case host with the port only when it is not a default one. */
    private static String authority(String hostHeader) {
        String text = hostHeader.strip().toLowerCase(Locale.ROOT);
        return text.endsWith(":80") || text.endsWith(":443") ? text.substring(0, text.lastIndexOf(':')) : text;
    }
}
