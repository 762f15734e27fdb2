package dev.gatehouse.http.access;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a route (on its method, or on its controller for all of them): a caller is needed:
 * a session cookie or an API key, any one of them (what a key with scopes may do is its {@link
 * KeyRule}'s).
 * The one annotation a route carries: it is Micronaut Security's {@code @Secured} for the access
 * layer and the security requirement of the API description at once, so the two cannot disagree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = Credentials.SESSION)
@SecurityRequirement(name = Credentials.SESSION_OVER_HTTP)
@SecurityRequirement(name = Credentials.SESSION_WITH_DOMAIN)
@SecurityRequirement(name = Credentials.BEARER)
@SecurityRequirement(name = Credentials.API_KEY)
public @interface SignedIn {
}
