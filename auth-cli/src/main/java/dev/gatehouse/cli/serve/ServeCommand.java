package dev.gatehouse.cli.serve;

import dev.gatehouse.cli.Gatehouse;
import dev.gatehouse.cli.apikeys.Pairing;
import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.UseCases;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.time.HumanDuration;
import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.core.service.apikeys.KeyPolicy;
import dev.gatehouse.http.GatehouseServer;
import dev.gatehouse.http.TerminalQr;
import dev.gatehouse.http.config.AuthMode;
import dev.gatehouse.http.config.LogSettings;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.ops.ServerLogging;
import dev.gatehouse.http.wiring.StoreUrl;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse serve}: runs the HTTP server on the chosen store until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Gatehouse server and its web UI on the store (routes: docs/api.md).",
                       "With no users yet it starts in setup mode and prints a one-time setup code, URL and QR code;"
                               + " only /setup works until the first administrator exists.",
                       "With --pair (and an administrator) it prints a pairing link and QR code: the server URL with a"
                               + " fresh API key of the first administrator (or --qr-owner) after '#token=', for a phone or"
                               + " app to scan. The key may only use models (models:*; it manages nothing), lives"
                               + " --pair-lifetime (10m), and revokes the pairing key made before it.",
                       "The CLI keeps working on the same store while it runs ('gatehouse user add admin' ends setup too)."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse serve                               # http://127.0.0.1:8000, default store",
                  "  gatehouse serve --host 0.0.0.0 --port 9000 --trusted-proxy 10.0.0.2",
                  "  GATEHOUSE_STORE=postgres://gh:secret@db:5432/gatehouse gatehouse serve",
                  "  GATEHOUSE_API_KEYS=sk-one,sk-two gatehouse serve --auth apikey",
                  "  gatehouse serve --pair                        # pair a phone or app as the first administrator",
                  "  gatehouse serve --pair --qr-owner alice       # pair a phone as alice",
                  "  gatehouse serve --auth none                   # no sign-in at all (llms.py without users)",
                  "  gatehouse serve --access-log --log-format json --log-level info,dev.gatehouse=debug",
                  "  gatehouse serve --trusted-proxy 127.0.0.1 --portal-url https://auth.example.com --cookie-domain example.com"})
public final class ServeCommand extends CliCommand {

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:GATEHOUSE_HOST:-127.0.0.1}",
            description = "Address to listen on (default ${DEFAULT-VALUE}). Env: GATEHOUSE_HOST.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:GATEHOUSE_PORT:-8000}",
            description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}). Env: GATEHOUSE_PORT.")
    int port;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",",
            description = "A proxy whose X-Forwarded-For and X-Forwarded-Proto are believed (repeatable)."
                    + " Env: GATEHOUSE_TRUSTED_PROXIES.")
    List<String> trustedProxies;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "${env:GATEHOUSE_AUTH:-auto}",
            description = "auto: sign-in once a user exists, setup mode before; none: no checks, everyone is the"
                    + " administrator 'default'; apikey: only the keys in GATEHOUSE_API_KEYS (default ${DEFAULT-VALUE})."
                    + " Env: GATEHOUSE_AUTH.")
    String auth;

    @Option(names = "--session-idle", paramLabel = "DURATION", defaultValue = "${env:GATEHOUSE_SESSION_IDLE:-7d}",
            description = "End sessions unused for this long, e.g. 12h or 7d (default ${DEFAULT-VALUE}; at most 30d,"
                    + " the absolute lifetime). Env: GATEHOUSE_SESSION_IDLE.")
    String sessionIdle;

    @Option(names = "--key-lifetime", paramLabel = "DURATION", defaultValue = "${env:GATEHOUSE_KEY_LIFETIME:-1y}",
            description = "How long new API keys live when their maker does not say, e.g. 90d, or never"
                    + " (default ${DEFAULT-VALUE}). Env: GATEHOUSE_KEY_LIFETIME.")
    String keyLifetime;

    @Option(names = "--registration", paramLabel = "MODE", defaultValue = "${env:GATEHOUSE_REGISTRATION:-closed}",
            description = "Who may create their own account: closed (administrators create accounts), open,"
                    + " approval (an administrator approves each) or invite (invite code needed)"
                    + " (default ${DEFAULT-VALUE}). Env: GATEHOUSE_REGISTRATION.")
    String registration;

    @Option(names = "--admin-email", paramLabel = "EMAIL", defaultValue = "${env:GATEHOUSE_ADMIN_EMAIL}",
            description = "Whoever registers with this email address, verified by an invite bound to it, becomes an"
                    + " administrator. Env: GATEHOUSE_ADMIN_EMAIL.")
    String adminEmail;

    @Option(names = "--impersonation-limit", paramLabel = "DURATION",
            defaultValue = "${env:GATEHOUSE_IMPERSONATION_LIMIT:-30m}",
            description = "How long an administrator may act as a user before that session ends, 1m to 8h"
                    + " (default ${DEFAULT-VALUE}). Env: GATEHOUSE_IMPERSONATION_LIMIT.")
    String impersonationLimit;

    @Option(names = "--allowed-host", paramLabel = "NAME", split = ",",
            description = "A name browsers may reach the server by besides IP addresses and localhost (repeatable;"
                    + " *.example.org for every subdomain). Other names are refused (421), against DNS rebinding: always"
                    + " in --auth none, and on a loopback address for requests not from a --trusted-proxy."
                    + " Env: GATEHOUSE_ALLOWED_HOSTS.")
    List<String> allowedHosts;

    @Option(names = "--portal-url", paramLabel = "URL", defaultValue = "${env:GATEHOUSE_PORTAL_URL}",
            description = "Gatehouse's own host when the AI server is on another, e.g. https://auth.example.com:"
                    + " browsers the AI server's proxy refuses are sent to URL/login and back afterwards. Needs"
                    + " --cookie-domain. Env: GATEHOUSE_PORTAL_URL.")
    String portalUrl;

    @Option(names = "--cookie-domain", paramLabel = "DOMAIN", defaultValue = "${env:GATEHOUSE_COOKIE_DOMAIN}",
            description = "The domain the portal's host and the AI server's host share, e.g. example.com: the session"
                    + " cookie is set for it (__Secure-gatehouse_session over TLS instead of __Host-) so the AI server's"
                    + " host sends it to the check; every host under it gets the cookie, so trust them all. Needs"
                    + " --portal-url. Env: GATEHOUSE_COOKIE_DOMAIN.")
    String cookieDomain;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "${env:GATEHOUSE_BASE_URL}",
            description = "The public address people reach Gatehouse by, e.g. https://auth.example.org: sign-in"
                    + " providers send them back to URL/auth/NAME/callback (register that redirect URI at the"
                    + " provider). Needed with providers unless every request comes through a --trusted-proxy."
                    + " Env: GATEHOUSE_BASE_URL.")
    String baseUrl;

    @Option(names = "--password-login", paramLabel = "on|off", defaultValue = "${env:GATEHOUSE_PASSWORD_LOGIN:-on}",
            description = "Whether people may sign in with a username and password (default ${DEFAULT-VALUE}); off"
                    + " leaves only the sign-in providers (GATEHOUSE_OIDC_*, GATEHOUSE_GITHUB_*; docs/oauth.md) and"
                    + " needs at least one. API keys work either way. Env: GATEHOUSE_PASSWORD_LOGIN.")
    String passwordLogin;

    @Option(names = "--log-level", paramLabel = "LEVELS", defaultValue = "${env:GATEHOUSE_LOG_LEVEL:-info}",
            description = "What the server logs (on stderr): a level for everything, then LOGGER=LEVEL for single"
                    + " loggers and those under them, comma-separated; levels trace, debug, info, warn, error, off."
                    + " E.g. info,dev.gatehouse=debug,com.zaxxer.hikari=warn (default ${DEFAULT-VALUE})."
                    + " Env: GATEHOUSE_LOG_LEVEL.")
    String logLevel;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "${env:GATEHOUSE_LOG_FORMAT:-text}",
            description = "text: one readable line per event; json: one JSON object per line, for log shippers"
                    + " (default ${DEFAULT-VALUE}). Env: GATEHOUSE_LOG_FORMAT.")
    String logFormat;

    @Option(names = "--access-log", description = "Log one line per request: method, path (secret-looking query"
            + " values masked), status, time taken, user, client address and request id. Env: GATEHOUSE_ACCESS_LOG=true.")
    boolean accessLog;

    @Option(names = "--pair", description = "Make a pairing key and print its link and QR code for a phone or app:"
            + " a key of the first administrator (or --qr-owner) that may only use models (scope models:*), lives"
            + " --pair-lifetime, and revokes the previous pairing key. Off by default: the link holds a working key,"
            + " so do not use it where the output is logged.")
    boolean pair;

    @Option(names = "--pair-lifetime", paramLabel = "DURATION", defaultValue = "${env:GATEHOUSE_PAIR_LIFETIME:-10m}",
            description = "How long the --pair key works, 1m to 24h (default ${DEFAULT-VALUE}); the app should trade it"
                    + " for a key of its own at once. Env: GATEHOUSE_PAIR_LIFETIME.")
    String pairLifetime;

    @Option(names = "--no-qr", hidden = true, description = "Kept so older service files still start: no pairing,"
            + " which is now the default.")
    boolean noQr;

    @Option(names = "--qr-owner", paramLabel = "NAME",
            description = "Whose --pair key to make (default: the first administrator).")
    Username qrOwner;

    @Override
    public Integer call() throws InterruptedException {
        Invocation invocation = invocation();
        StoreUrl url = invocation.storeUrl();
        List<String> proxies = trustedProxies != null ? trustedProxies : ServerSettings.csv(
                invocation.environment().variable("GATEHOUSE_TRUSTED_PROXIES") == null ? ""
                        : invocation.environment().variable("GATEHOUSE_TRUSTED_PROXIES"));
        ServerSettings settings;
        dev.gatehouse.http.forwardauth.AccessRules access;
        LogSettings logs;
        try {
            logs = LogSettings.parse(logLevel, logFormat, accessLog ? "true"
                    : invocation.environment().variable("GATEHOUSE_ACCESS_LOG"));
            access = dev.gatehouse.http.forwardauth.AccessRules.fromEnvironment(invocation.environment().variables());
            String keys = invocation.environment().variable("GATEHOUSE_API_KEYS");
            settings = new ServerSettings(host, port, url.toString(), proxies, AuthMode.parse(auth),
                    ServerSettings.csv(keys == null ? "" : keys), HumanDuration.parse(sessionIdle),
                    ServerSettings.parseKeyLifetime(keyLifetime))
                    .withRegistration(ServerSettings.parseRegistration(registration, adminEmail))
                    .withImpersonationLimit(ServerSettings.impersonationLimit(impersonationLimit))
                    .withAllowedHosts(allowedHosts != null ? allowedHosts : ServerSettings.csv(
                            invocation.environment().variable("GATEHOUSE_ALLOWED_HOSTS") == null ? ""
                                    : invocation.environment().variable("GATEHOUSE_ALLOWED_HOSTS")))
                    .withPortal(dev.gatehouse.http.config.Portal.of(portalUrl, cookieDomain))
                    .withSignIn(dev.gatehouse.http.config.SignInOptions.fromEnvironment(invocation.environment().variables())
                            .withBaseUrl(dev.gatehouse.http.config.SignInOptions.parseBaseUrl(baseUrl))
                            .withPasswordLogin(dev.gatehouse.http.config.SignInOptions.onOff("--password-login",
                                    passwordLogin, true)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (noQr && pair) {
            throw new UsageException("--pair and --no-qr contradict each other; give one of them.");
        }
        if (qrOwner != null && !pair) {
            throw new UsageException("--qr-owner names whose pairing key --pair makes; add --pair, or leave --qr-owner out.");
        }
        java.time.Duration pairFor = pairLifetime(pairLifetime);
        ServerLogging.configure(logs); // before the store opens: its pool and migrations log too
        Stores stores = url.open();
        EmbeddedServer server;
        Pairing pairing;
        Optional<Username> pairAs;
        try {
            pairing = new Pairing(new UseCases(stores, invocation.environment().hasher().get(), invocation.environment().clock(),
                    UseCases.Settings.defaults().withKeys(new KeyPolicy(settings.keyLifetime()))), stores.apiKeys(),
                    invocation.environment().clock());
            pairAs = !pair || settings.auth() != AuthMode.AUTO ? Optional.empty() : pairing.owner(Optional.ofNullable(qrOwner));
            server = GatehouseServer.start(settings, stores, access);
        } catch (IllegalArgumentException e) { // a provider's settings, a missing --base-url, no way to sign in
            stores.close();
            throw new UsageException(e.getMessage());
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stores.close();
            stopped.countDown();
        }, "gatehouse-shutdown"));
        invocation.say(GatehouseServer.startMessage(server).stripTrailing());
        if (pair && settings.auth() != AuthMode.AUTO) {
            invocation.err().println("gatehouse: no pairing code: --auth " + settings.auth().label()
                    + " has no user keys; pairing needs --auth auto.");
            invocation.err().flush();
        } else if (pair && pairAs.isEmpty()) {
            invocation.err().println("gatehouse: no pairing code yet: there is no administrator; finish setup first.");
            invocation.err().flush();
        }
        pairAs.ifPresent(owner -> printPairing(invocation, pairing, owner, GatehouseServer.baseUrl(server), pairFor));
        invocation.say("Store: " + url + ". Stop with Ctrl-C.");
        stopped.await();
        return ExitCodes.OK;
    }

    /** {@code --pair-lifetime}: a duration from 1m to 24h. */
    private static java.time.Duration pairLifetime(String text) {
        java.time.Duration lifetime;
        try {
            lifetime = HumanDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--pair-lifetime: " + e.getMessage());
        }
        if (lifetime.compareTo(java.time.Duration.ofMinutes(1)) < 0 || lifetime.compareTo(java.time.Duration.ofHours(24)) > 0) {
            throw new UsageException("--pair-lifetime must be between 1m and 24h, not " + HumanDuration.format(lifetime)
                    + "; a pairing key is printed, so it lives only until the app has traded it for its own key.");
        }
        return lifetime;
    }

    /** The pairing link and its QR code; a failure to make the key is reported and the server keeps running. */
    private static void printPairing(Invocation invocation, Pairing pairing, Username owner, String baseUrl,
                                     java.time.Duration lifetime) {
        Pairing.Link link;
        try {
            link = pairing.link(owner, baseUrl, lifetime);
        } catch (RuntimeException e) {
            invocation.err().println("gatehouse: no pairing code: " + e.getMessage());
            invocation.err().flush();
            return;
        }
        invocation.say("\nPair a phone or app as '" + link.owner() + "': scan the code or open the link within "
                + HumanDuration.format(lifetime) + ". It holds a new API key, '" + link.keyName() + "' (id "
                + link.keyId() + "), that may only use models and stops working after " + HumanDuration.format(lifetime)
                + "; earlier pairing keys are revoked.\n  " + link.url() + "\n\n"
                + TerminalQr.render(link.url()).stripTrailing());
    }
}
