package dev.gatehouse.http;

import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The CSRF baseline: a browser names the page that sent a request in {@code Origin} (or at least
 * {@code Referer}); it must be a page of the host the request was sent to. When the request came
 * over TLS the page must be an https one too: a plain-HTTP page of the same name is another origin,
 * and one anyone on the network can write.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    /**
     * True if Origin, or failing that Referer, names the request's own Host (an https page, if the
     * request came over TLS: {@code secure}); false if neither does.
     */
    static boolean check(HttpRequest<?> request, boolean secure) {
        Optional<String> host = request.getHeaders().get("Host", String.class).map(SameOrigin::authority);
        Optional<String> source = request.getHeaders().get("Origin", String.class)
                .or(() -> request.getHeaders().get("Referer", String.class))
                .flatMap(url -> authorityOfUrl(url, secure ? Optional.of("https") : Optional.empty()));
        return host.isPresent() && source.isPresent() && host.get().equals(source.get());
    }

    /**
     * True if {@code page} (an Origin) is a page of {@code host} (written as in a Host header), and
     * of {@code scheme} when that is known: forward auth's check, where the proxy names the site.
     */
    static boolean pageOf(String page, String host, Optional<String> scheme) {
        return authorityOfUrl(page, scheme).filter(authority(host)::equals).isPresent();
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
