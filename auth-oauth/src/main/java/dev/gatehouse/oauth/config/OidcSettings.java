package dev.gatehouse.oauth.config;

import dev.gatehouse.core.model.identities.ProviderName;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One OpenID Connect provider: its issuer (discovery starts at
 * {@code ISSUER/.well-known/openid-configuration}), this client's registration, and how its claims
 * become an identity: {@code rolesClaim} is a claim name or a dotted path into the claims
 * ({@code groups}, {@code realm_access.roles}, {@code resource_access.gatehouse.roles}).
 */
public record OidcSettings(ProviderName name, String displayName, int order, URI issuer, String clientId,
                           Secret clientSecret, List<String> scopes, String rolesClaim, List<String> adminValues,
                           boolean trustEmail, boolean requireVerifiedEmail) implements ProviderSettings {

    /** What is asked for unless the operator says otherwise. */
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");

    /** Keycloak (with a group mapper), Authentik, Okta and Zitadel put groups here. */
    public static final String DEFAULT_ROLES_CLAIM = "groups";

    public OidcSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(rolesClaim, "rolesClaim");
        scopes = List.copyOf(scopes);
        adminValues = List.copyOf(adminValues);
        if (!scopes.contains("openid")) {
            throw new ConfigException("The scopes of " + name + " must include 'openid' (got " + scopes + ").");
        }
    }

    /** Settings with the defaults for everything but the registration: for libraries and tests. */
    public static OidcSettings of(ProviderName name, URI issuer, String clientId, Secret clientSecret) {
        return new OidcSettings(name, ProvidersConfig.capitalised(name), 0, issuer, clientId, clientSecret, DEFAULT_SCOPES,
                DEFAULT_ROLES_CLAIM, List.of(), false, false);
    }

    public OidcSettings withScopes(List<String> newScopes) {
        return new OidcSettings(name, displayName, order, issuer, clientId, clientSecret, newScopes, rolesClaim,
                adminValues, trustEmail, requireVerifiedEmail);
    }

    public OidcSettings withRolesClaim(String claim) {
        return new OidcSettings(name, displayName, order, issuer, clientId, clientSecret, scopes, claim,
                adminValues, trustEmail, requireVerifiedEmail);
    }

    public OidcSettings withRequireVerifiedEmail(boolean require) {
        return new OidcSettings(name, displayName, order, issuer, clientId, clientSecret, scopes, rolesClaim,
                adminValues, trustEmail, require);
    }
}
