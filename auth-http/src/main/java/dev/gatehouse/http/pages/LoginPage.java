package dev.gatehouse.http.pages;

/**
 * Sign in; {@code next} is where to go after, already checked to be a path on this site or, with a
 * sign-in portal, an address on a host the session cookie reaches
 * ({@link PageLinks#safeNext(String, ServerSettings)});
 * {@code registration} shows a link to register when the registration mode allows it.
 */
public record LoginPage(Shell shell, String next, boolean registration) {

    /** Without a link to register. */
    public LoginPage(Shell shell, String next) {
        this(shell, next, false);
    }
}
