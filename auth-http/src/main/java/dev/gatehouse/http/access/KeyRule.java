package dev.gatehouse.http.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which API keys may call a route, beside {@code @Secured}'s who. A key with scopes is for the AI
 * server: it may only ask who it is and what it may use, unless it carries
 * {@link dev.gatehouse.core.model.apikeys.ApiKey#MANAGE_SCOPE}. A route without this annotation is
 * {@link Keys#MANAGE}: managing Gatehouse. {@link AccessRule} applies it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface KeyRule {

    /** The keys the route takes. */
    Keys value();

    /** Which keys may call a route. */
    enum Keys {
        /** Any key, scoped or not: the questions an AI client asks. */
        ANY,
        /** Any key; one with scopes only makes keys narrower than itself ({@link KeyScopes}, checked with the body). */
        NARROWER,
        /** Keys without scopes (or with the management scope); one with scopes only on itself (revoking itself). */
        ITSELF,
        /** Keys without scopes, or with the management scope: managing Gatehouse. The default. */
        MANAGE,
        /** No key at all: a person who signed in (password changes, impersonation). */
        NONE
    }
}
