package dev.gatehouse.http.web;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the routes that need a caller, for the OpenAPI document: a session cookie or an API key,
 * any one of them. What the caller may then do is the access layer's to decide; a route without
 * this mark is described as public, and {@code OpenApiTest} checks both against the server.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@SecurityRequirement(name = CallerRequired.SESSION)
@SecurityRequirement(name = CallerRequired.SESSION_OVER_HTTP)
@SecurityRequirement(name = CallerRequired.SESSION_WITH_DOMAIN)
@SecurityRequirement(name = CallerRequired.BEARER)
@SecurityRequirement(name = CallerRequired.API_KEY)
public @interface CallerRequired {

    /** The session cookie over TLS, {@code __Host-gatehouse_session}. */
    String SESSION = "session";
    /** The session cookie over plain HTTP, {@code gatehouse_session}. */
    String SESSION_OVER_HTTP = "sessionOverHttp";
    /** The session cookie over TLS with a cookie domain ({@code --cookie-domain}), {@code __Secure-gatehouse_session}. */
    String SESSION_WITH_DOMAIN = "sessionWithCookieDomain";
    /** An API key as {@code Authorization: Bearer KEY}. */
    String BEARER = "bearer";
    /** An API key as {@code x-api-key: KEY}. */
    String API_KEY = "apiKey";
}
