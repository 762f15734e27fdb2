package dev.gatehouse.http.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public route that judges its caller itself ({@code /auth/verify}, forward authentication): the
 * access layer neither looks the caller up for it nor applies its own same-origin, setup or key
 * rules, so the proxy hears the route's own answers and nothing is checked twice.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ChecksItself {
}
