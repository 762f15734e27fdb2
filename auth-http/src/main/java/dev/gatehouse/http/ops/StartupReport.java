package dev.gatehouse.http.ops;

import dev.gatehouse.core.model.time.HumanDuration;
import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.web.SignInProviders;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a starting server tells its log: the facts it runs on (store, auth mode, registration,
 * identity providers, address, proxies, names, portal) in one line, then a warning for each
 * setting that needs a person's attention, saying what to do. The terminal banner is for the
 * person at the keyboard; this is for whoever reads the log later. Nothing secret: the store's
 * password is masked, API keys are counted, the setup code is left to the terminal.
 */
public final class StartupReport {

    private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.http.GatehouseServer");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private StartupReport() {
    }

    /** Logs the start of a server listening on {@code port}, reached at {@code url}; {@code setupMode}: no users yet. */
    public static void log(ServerSettings settings, int port, String url, boolean setupMode) {
        log(settings, port, url, setupMode, SignInProviders.none());
    }

    /**
     * As {@link #log(ServerSettings, int, String, boolean)}, naming the sign-in providers with their
     * health ({@code keycloak (up)}), and warning for each one that is down and for the password form being off.
     */
    public static void log(ServerSettings settings, int port, String url, boolean setupMode, SignInProviders providers) {
        String providerList = providers.all().isEmpty() ? "none" : String.join(", ", providers.all().stream()
                .map(p -> p.name().value() + (p.health().up() ? " (up)" : " (down)")).toList());
        String store = masked(settings.storeUrl());
        String registration = settings.registration().mode().label()
                + (settings.registration().adminEmail().isPresent() ? " (with an administrator email)" : "");
        LOG.atInfo()
                .addKeyValue("listen", url)
                .addKeyValue("store", store)
                .addKeyValue("auth", settings.auth().label())
                .addKeyValue("registration", settings.registration().mode().label())
                .addKeyValue("providers", providerList)
                .addKeyValue("password_login", providers.passwordLogin() ? "on" : "off")
                .addKeyValue("trusted_proxies", String.join(",", settings.trustedProxies()))
                .addKeyValue("allowed_hosts", String.join(",", settings.allowedHosts()))
                .addKeyValue("portal", settings.portal().origin().orElse(""))
                .log("Gatehouse started: listening on {}:{} ({}), store {}, auth {}, registration {}, identity providers {},"
                                + " trusted proxies {}, allowed hosts {}, portal {}, sessions idle out after {}, new keys live {}",
                        settings.host(), port, url, store, settings.auth().label(), registration, providerList,
                        listed(settings.trustedProxies()), listed(settings.allowedHosts()),
                        settings.portal().active() ? settings.portal() : "none", HumanDuration.format(settings.sessionIdle()),
                        settings.keyLifetime().map(HumanDuration::format).orElse("until revoked"));
        warnings(settings, setupMode).forEach(LOG::warn);
        providerWarnings(providers).forEach(LOG::warn);
    }

    /** One warning per provider that did not answer discovery, saying what people will see meanwhile. */
    static List<String> providerWarnings(SignInProviders providers) {
        return providers.all().stream().filter(p -> !p.health().up()).map(p -> "Sign-in provider " + p.name().value()
                + " is down: " + p.health().detail() + ". Its button stays; /auth/" + p.name().value() + " answers that it"
                + " cannot be reached and /readyz names it until it answers again (retried at each use).").toList();
    }

    /** The warnings a start with these settings deserves, each saying what to do. */
    static List<String> warnings(ServerSettings settings, boolean setupMode) {
        List<String> warnings = new ArrayList<>();
        if (settings.auth() == AuthMode.NONE) {
            warnings.add("--auth none: nobody signs in and every request acts as the administrator 'default'. Use it"
                    + " only where nobody else can reach the server; otherwise start with --auth auto.");
        }
        if (!loopback(settings.host()) && settings.trustedProxies().isEmpty()) {
            warnings.add("Listening on " + settings.host() + " with no --trusted-proxy: passwords, API keys and session"
                    + " cookies cross the network unencrypted unless TLS ends in front of Gatehouse. Put a TLS proxy in"
                    + " front and name it with --trusted-proxy, or listen on 127.0.0.1.");
        }
        if (setupMode && settings.auth() == AuthMode.AUTO) {
            warnings.add("No users yet: only /setup answers until the first administrator exists. Finish setup with the"
                    + " code printed on the server's terminal (it is not logged), or run 'gatehouse user add admin'.");
        }
        return warnings;
    }

    /**
     * {@code postgres://gh:****@db/gatehouse}: a password in the user part or a parameter replaced.
     * The user part's password runs from the first ':' after "//" to the last '@' before any '?',
     * as the JDBC store reads it, so a password holding '@', '/' or ':' is hidden whole.
     */
    static String masked(String storeUrl) {
        String url = storeUrl;
        int start = url.indexOf("://");
        if (start >= 0) {
            int query = url.indexOf('?', start);
            int end = url.lastIndexOf('@', query < 0 ? url.length() : query);
            int colon = url.indexOf(':', start + 3);
            if (end > start && colon >= 0 && colon < end) {
                url = url.substring(0, colon + 1) + "****" + url.substring(end);
            }
        }
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
    }

    private static boolean loopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String listed(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
