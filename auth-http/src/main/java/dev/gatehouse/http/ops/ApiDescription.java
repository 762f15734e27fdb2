package dev.gatehouse.http.ops;

import dev.gatehouse.http.access.Credentials;
import dev.gatehouse.http.access.Credentials;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What the OpenAPI document says about the API as a whole: its name and version, and the ways a
 * caller proves who it is. Each route says for itself whether it needs one ({@code @PublicRoute}, {@code @SignedIn} or {@code @AdminOnly} in the access layer)
 * and that its errors are {@code ApiError}s ({@code web.JsonApi}); Micronaut OpenAPI writes the
 * document at compile time and {@link OpenApiController} serves it.
 */
@OpenAPIDefinition(
        info = @Info(title = "Gatehouse", version = "${gatehouse.version}",
                description = "Accounts, sessions, API keys and forward authentication for a self-hosted AI server."
                        + " The rules that hold for every route (CSRF, throttling, setup mode, keys with scopes) and"
                        + " the error codes are in docs/api.md."),
        tags = @Tag(name = ApiDescription.OPERATIONS, description = "Health, readiness, metrics and this document."))
@SecurityScheme(name = Credentials.SESSION, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "__Host-gatehouse_session", description = "The session cookie over TLS, set by POST /api/auth/login.")
@SecurityScheme(name = Credentials.SESSION_OVER_HTTP, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "gatehouse_session", description = "The session cookie over plain HTTP (also read there: the"
                + " __Host- one, first).")
@SecurityScheme(name = Credentials.SESSION_WITH_DOMAIN, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "__Secure-gatehouse_session", description = "The session cookie over TLS when the server sets a"
                + " cookie domain (--cookie-domain); read only then.")
@SecurityScheme(name = Credentials.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key as Authorization: Bearer KEY. It wins over a session cookie sent with it.")
@SecurityScheme(name = Credentials.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "x-api-key", description = "An API key as x-api-key: KEY. It wins over a session cookie sent with it.")
final class ApiDescription {

    /** The tag of the routes an operator's tools call. */
    static final String OPERATIONS = "operations";

    private ApiDescription() {
    }
}
