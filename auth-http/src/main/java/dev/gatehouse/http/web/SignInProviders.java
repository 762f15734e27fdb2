package dev.gatehouse.http.web;

import dev.gatehouse.core.port.out.IdentityProvider;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ways in the server offers besides API keys: the providers in button order (the wiring builds
 * them; this layer sees only core's {@link IdentityProvider} port), whether the password form is on,
 * and the public address their redirect URIs are built from.
 *
 * <p>A redirect URI is {@code BASE_URL/auth/NAME/callback}. Without a configured base URL it is
 * built from the request only when a trusted proxy sent the request (its Host, and its
 * {@code X-Forwarded-Proto}); anyone else's Host header could steer the code elsewhere.
 */
public final class SignInProviders {

    private final List<IdentityProvider> providers;
    private final boolean passwordLogin;
    private final Optional<URI> baseUrl;

    public SignInProviders(List<IdentityProvider> providers, boolean passwordLogin, Optional<URI> baseUrl) {
        this.providers = List.copyOf(providers);
        this.passwordLogin = passwordLogin;
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** No providers, the password form on: servers started without provider settings. */
    public static SignInProviders none() {
        return new SignInProviders(List.of(), true, Optional.empty());
    }

    /** In button order. */
    public List<IdentityProvider> all() {
        return providers;
    }

    public boolean passwordLogin() {
        return passwordLogin;
    }

    public Optional<URI> baseUrl() {
        return baseUrl;
    }

    /** The provider called {@code name} (as it appears in a route), if there is one. */
    public Optional<IdentityProvider> find(String name) {
        return providers.stream().filter(p -> p.name().value().equals(name)).findFirst();
    }

    /** Where a sign-in through {@code provider} starts: {@code /auth/NAME}. */
    public static String startPath(IdentityProvider provider) {
        return "/auth/" + provider.name().value();
    }

    /**
     * {@code BASE_URL/auth/NAME/callback}; from a trusted proxy's request when no base URL is set;
     * empty otherwise (the caller refuses).
     */
    public Optional<URI> redirectUri(IdentityProvider provider, HttpRequest<?> request, ClientFacts client) {
        String path = startPath(provider) + "/callback";
        if (baseUrl.isPresent()) {
            return Optional.of(URI.create(baseUrl.get() + path));
        }
        if (!client.fromTrustedProxy(request)) {
            return Optional.empty();
        }
        Optional<String> host = request.getHeaders().get("Host", String.class).map(String::strip)
                .filter(h -> h.matches("[A-Za-z0-9.\\-\\[\\]:]{1,260}"));
        return host.map(h -> URI.create((client.secure(request) ? "https://" : "http://") + h + path));
    }

    /** Where to send the browser after sign-out to end the provider's session too, if it offers that. */
    public Optional<URI> logoutAt(String providerName) {
        return baseUrl.flatMap(base -> find(providerName).flatMap(p -> p.logoutAt(URI.create(base + "/login"))));
    }
}
