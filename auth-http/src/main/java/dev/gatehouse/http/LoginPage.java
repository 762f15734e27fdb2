package dev.gatehouse.http;

/** Sign in; {@code next} is where to go after, already checked to be a path on this site. */
public record LoginPage(Shell shell, String next) {
}
