package dev.gatehouse.http.access;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a route (on its method, or on its controller for all of them): anyone may call it,
 * signed in or not: sign-in, registration, health, the login page. No security requirement in the
 * API description.
 * The one annotation a route carries: it is Micronaut Security's {@code @Secured} for the access
 * layer and the security requirement of the API description at once, so the two cannot disagree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Secured(SecurityRule.IS_ANONYMOUS)
public @interface PublicRoute {
}
