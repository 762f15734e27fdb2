package dev.gatehouse.http.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The separate auth host layout, the way Authelia is deployed: Gatehouse's pages on a host of their
 * own ({@code url}, e.g. {@code https://auth.example.com}, {@code --portal-url}) and the session
 * cookie set for a parent domain ({@code cookieDomain}, e.g. {@code example.com},
 * {@code --cookie-domain}), so that the browser also sends it to the AI server's host
 * ({@code ai.example.com}), where the proxy asks {@code /auth/verify}. Both or neither: a portal
 * without a shared cookie sends people to a sign-in whose session the AI server's host never sees,
 * and a cookie domain without a portal leaves them no way to sign in from there. Neither (the
 * default) changes nothing.
 */
public record Portal(Optional<URI> url, Optional<String> cookieDomain) {

    /** Gatehouse serves its pages on the host it is reached by, with a host-only cookie. */
    public static final Portal NONE = new Portal(Optional.empty(), Optional.empty());

    public Portal {
        url = url == null ? Optional.empty() : url;
        cookieDomain = cookieDomain == null ? Optional.empty() : cookieDomain;
        if (url.isPresent() != cookieDomain.isPresent()) {
            throw new IllegalArgumentException("A portal URL and a cookie domain go together; see Portal.of.");
        }
    }

    /**
     * The portal of {@code --portal-url} / {@code GATEHOUSE_PORTAL_URL} and {@code --cookie-domain} /
     * {@code GATEHOUSE_COOKIE_DOMAIN} (blank: not set); throws {@link IllegalArgumentException}
     * saying what is wrong and what to give instead.
     */
    public static Portal of(String url, String cookieDomain) {
        boolean hasUrl = url != null && !url.isBlank();
        boolean hasDomain = cookieDomain != null && !cookieDomain.isBlank();
        if (!hasUrl && !hasDomain) {
            return NONE;
        }
        if (!hasUrl) {
            throw new IllegalArgumentException("--cookie-domain needs --portal-url (GATEHOUSE_PORTAL_URL): the address of"
                    + " Gatehouse's own host, e.g. --portal-url https://auth." + shown(cookieDomain.strip()) + ", where"
                    + " browsers are sent to sign in.");
        }
        URI portal = portalUrl(url.strip());
        if (!hasDomain) {
            throw new IllegalArgumentException("--portal-url needs --cookie-domain (GATEHOUSE_COOKIE_DOMAIN): the domain"
                    + " the portal and the AI server's host share, e.g. --cookie-domain " + parentOf(portal.getHost())
                    + " for " + portal.getHost() + "; without it the AI server's host never sees the session.");
        }
        String domain = domain(cookieDomain);
        String host = portal.getHost();
        if (!host.endsWith("." + domain)) {
            throw new IllegalArgumentException("The cookie domain '" + domain + "' is not a parent of the portal's host '"
                    + host + "'; give the domain both hosts end in, e.g. --cookie-domain " + parentOf(host) + ".");
        }
        return new Portal(Optional.of(portal), Optional.of(domain));
    }

    /** True when the separate auth host layout is set up. */
    public boolean active() {
        return url.isPresent();
    }

    /** The portal's host name, lower-case. */
    public Optional<String> host() {
        return url.map(URI::getHost);
    }

    /** True when the portal is served over TLS: then every host it sends people back to must be too. */
    public boolean https() {
        return url.map(u -> u.getScheme().equals("https")).orElse(false);
    }

    /** {@code scheme://host[:port]}, as a browser names the portal's pages in {@code Origin}. */
    public Optional<String> origin() {
        return url.map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort()));
    }

    /** The portal's sign-in page, absolute. */
    public Optional<String> loginUrl() {
        return origin().map(o -> o + "/login");
    }

    /**
     * True when a browser may be sent to {@code host} (lower-case, no port) after signing in: the
     * portal's host, the cookie domain or a host under it (they get the session cookie), or one of
     * {@code allowedHosts} ({@code --allowed-host}, {@code *.} for subdomains).
     */
    public boolean returnsTo(String host, List<String> allowedHosts) {
        if (!active()) {
            return false;
        }
        String domain = cookieDomain.orElseThrow();
        return host.equals(host().orElseThrow()) || host.equals(domain) || host.endsWith("." + domain)
                || ServerSettings.hostAllowed(allowedHosts, host);
    }

    private static URI portalUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw notPortal(text, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw notPortal(text, "it must start with https:// (or http:// without TLS)");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw notPortal(text, "give only the scheme, host and port, without user, path, query or fragment");
        }
        String host = domain(uri.getHost());
        int port = uri.getPort() == (scheme.equals("https") ? 443 : 80) ? -1 : uri.getPort();
        try {
            return new URI(scheme, null, host, port, null, null, null);
        } catch (URISyntaxException e) {
            throw notPortal(text, "it is not a URL");
        }
    }

    /** A host name as the settings take it: lower-case, no trailing dot, at least two labels, no IP address. */
    private static String domain(String given) {
        String text = given.strip().toLowerCase(Locale.ROOT);
        text = text.startsWith(".") ? text.substring(1) : text;
        List<String> names;
        try {
            names = ServerSettings.hostNames(List.of(text));
        } catch (IllegalArgumentException e) {
            names = List.of();
        }
        if (names.size() != 1 || names.get(0).startsWith("*.") || !names.get(0).contains(".")
                || IpLiteral.of(names.get(0)).isPresent()) {
            throw new IllegalArgumentException("'" + shown(given) + "' is not a domain name for the portal or the cookie"
                    + " (a host name of at least two labels, such as example.com or auth.example.com; no IP address,"
                    + " scheme, port or path).");
        }
        return names.get(0);
    }

    private static String parentOf(String host) {
        int dot = host.indexOf('.');
        return dot < 0 || host.indexOf('.', dot + 1) < 0 ? "example.com" : host.substring(dot + 1);
    }

    private static IllegalArgumentException notPortal(String text, String why) {
        return new IllegalArgumentException("'" + shown(text) + "' is not a portal URL for --portal-url /"
                + " GATEHOUSE_PORTAL_URL: " + why + ", e.g. https://auth.example.com.");
    }

    private static String shown(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) + "..." : printable;
    }

    @Override
    public String toString() {
        return url.map(u -> u + " (cookie domain " + cookieDomain.orElse("") + ")").orElse("none");
    }
}
