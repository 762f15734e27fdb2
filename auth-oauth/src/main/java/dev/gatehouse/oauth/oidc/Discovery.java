package dev.gatehouse.oauth.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.gatehouse.core.port.out.IdentityProvider.Health;
import dev.gatehouse.oauth.config.FlowSettings;
import dev.gatehouse.oauth.config.OidcSettings;
import dev.gatehouse.oauth.flow.Backoff;
import dev.gatehouse.oauth.flow.Text;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What discovery found out about one issuer, and the retrying when it failed: the metadata, the
 * provider's keys (cached, fetched again when a token names a key we do not know, at most twice per
 * {@code jwksMinRefresh}, so key rotation works and a forged {@code kid} cannot make us hammer the
 * provider) and the ID token validator built on them. A failed discovery is kept as the reason
 * {@link #health} reports, and tried again with backoff: on a sign-in (blocking, bounded by the
 * timeouts) or, without blocking, when someone asks for the health.
 */
final class Discovery {

    /** Algorithms an ID token may be signed with when the provider does not say (OIDC's default). */
    private static final List<JWSAlgorithm> DEFAULT_ALGS = List.of(JWSAlgorithm.RS256);
    private static final ExecutorService RETRIES = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "gatehouse-oidc-discovery");
        thread.setDaemon(true);
        return thread;
    });

    /** The usable result of discovery. */
    record Found(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    private final OidcSettings settings;
    private final FlowSettings flow;
    private final Clock clock;
    private final Backoff backoff;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile Found found;
    private volatile String problem = "discovery has not been tried yet";

    Discovery(OidcSettings settings, FlowSettings flow, Clock clock) {
        this.settings = settings;
        this.flow = flow;
        this.clock = clock;
        this.backoff = new Backoff(flow.retryFirst(), flow.retryMax());
    }

    /** The result, discovering now (blocking) if it is missing and a retry is due. */
    Optional<Found> ready() {
        if (found == null && backoff.due(clock.instant())) {
            attempt();
        }
        return Optional.ofNullable(found);
    }

    /** Tries now, whatever the backoff says: for start-up, so problems are reported at once. */
    Health discoverNow() {
        attempt();
        return health();
    }

    /** Up once discovery and the first key fetch worked; down with the reason otherwise (a retry is started if due). */
    Health health() {
        if (found != null) {
            return Health.ok();
        }
        if (backoff.due(clock.instant()) && inFlight.compareAndSet(false, true)) {
            RETRIES.execute(() -> {
                try {
                    attempt();
                } finally {
                    inFlight.set(false);
                }
            });
        }
        return Health.down(problem);
    }

    /** Why the last attempt failed, for messages. */
    String problem() {
        return problem;
    }

    private synchronized void attempt() {
        if (found != null) {
            return;
        }
        try {
            Issuer issuer = new Issuer(settings.issuer());
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, flow.connectMillis(), flow.readMillis());
            if (metadata.getJWKSetURI() == null || metadata.getTokenEndpointURI() == null
                    || metadata.getAuthorizationEndpointURI() == null) {
                throw new IllegalStateException("its discovery document lacks an authorization, token or jwks address");
            }
            checkTransport(metadata);
            DefaultResourceRetriever retriever = new DefaultResourceRetriever(flow.connectMillis(), flow.readMillis(),
                    512 * 1024);
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL(),
                            retriever)
                    .cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, flow.readTimeout().toMillis() + 1000)
                    .rateLimited(flow.jwksMinRefresh().toMillis())
                    .refreshAheadCache(false)
                    .retrying(false)
                    .build();
            if (keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).isEmpty()) {
                throw new IllegalStateException("its key set at " + metadata.getJWKSetURI() + " holds no keys");
            }
            IDTokenValidator validator = new IDTokenValidator(issuer, new ClientID(settings.clientId()),
                    new JWSVerificationKeySelector<>(algorithms(metadata), keys), null);
            validator.setMaxClockSkew((int) flow.clockSkew().toSeconds());
            found = new Found(metadata, validator);
            backoff.succeeded();
            problem = "ok";
        } catch (Exception e) {
            backoff.failed(clock.instant());
            problem = "discovery at " + settings.issuer() + " failed (" + describe(e) + "); tried again from "
                    + backoff.notBefore().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
    }

    /**
     * The addresses a discovery document names receive the code, the client secret and the access
     * token, and give the keys every ID token is checked with; over plain http anyone on the way
     * could read them or sign tokens of their own. So they use https, as the issuer must; plain http
     * only on the host of an issuer that is itself plain http (a provider on this machine, in tests).
     * Other hosts over https are fine: Google's keys and token endpoint live apart from its issuer.
     */
    private void checkTransport(OIDCProviderMetadata metadata) {
        URI issuer = settings.issuer();
        Map<String, URI> named = new LinkedHashMap<>();
        named.put("authorization_endpoint", metadata.getAuthorizationEndpointURI());
        named.put("token_endpoint", metadata.getTokenEndpointURI());
        named.put("jwks_uri", metadata.getJWKSetURI());
        named.put("userinfo_endpoint", metadata.getUserInfoEndpointURI());
        named.put("end_session_endpoint", metadata.getEndSessionEndpointURI());
        named.forEach((what, uri) -> {
            if (uri == null) {
                return;
            }
            String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            boolean local = scheme.equals("http") && "http".equalsIgnoreCase(issuer.getScheme())
                    && uri.getHost() != null && uri.getHost().equalsIgnoreCase(issuer.getHost());
            if (!scheme.equals("https") && !local) {
                throw new IllegalStateException("its discovery document names " + what + " " + Text.clean(uri.toString())
                        + ", which is not https; fix the provider's public address (behind a proxy, its"
                        + " forwarded-protocol setting)");
            }
        });
    }

    /** The asymmetric algorithms the provider signs ID tokens with: never "none" nor HMAC with a shared secret. */
    private static Set<JWSAlgorithm> algorithms(OIDCProviderMetadata metadata) {
        List<JWSAlgorithm> announced = Optional.ofNullable(metadata.getIDTokenJWSAlgs()).orElse(DEFAULT_ALGS);
        Set<JWSAlgorithm> algs = new LinkedHashSet<>();
        for (JWSAlgorithm alg : announced) {
            if (JWSAlgorithm.Family.RSA.contains(alg) || JWSAlgorithm.Family.EC.contains(alg)
                    || JWSAlgorithm.Family.ED.contains(alg)) {
                algs.add(alg);
            }
        }
        return algs.isEmpty() ? Set.copyOf(DEFAULT_ALGS) : algs;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof SocketTimeoutException) {
            return "no answer in time";
        }
        String message = root.getMessage() == null ? "" : ": " + Text.clean(root.getMessage());
        return root.getClass().getSimpleName() + message;
    }
}
