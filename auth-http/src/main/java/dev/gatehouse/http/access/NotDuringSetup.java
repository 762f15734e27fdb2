package dev.gatehouse.http.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public route that stays shut while the server waits for its first administrator (signing in,
 * registering): it answers as every other route does then, with the way to {@code /setup}. Every
 * other public route (setup itself, health, the UI's files) works during setup.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface NotDuringSetup {
}
