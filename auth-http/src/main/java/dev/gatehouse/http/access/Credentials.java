package dev.gatehouse.http.access;

/**
 * The names of the ways a caller proves who they are, as the API description's security schemes
 * ({@code ops.ApiDescription} declares them; {@link SignedIn} and {@link AdminOnly} accept any one).
 */
public final class Credentials {

    /** The session cookie over TLS, {@code __Host-gatehouse_session}. */
    public static final String SESSION = "session";
    /** The session cookie over plain HTTP, {@code gatehouse_session}. */
    public static final String SESSION_OVER_HTTP = "sessionOverHttp";
    /** The session cookie over TLS with a cookie domain ({@code --cookie-domain}), {@code __Secure-gatehouse_session}. */
    public static final String SESSION_WITH_DOMAIN = "sessionWithCookieDomain";
    /** An API key as {@code Authorization: Bearer KEY}. */
    public static final String BEARER = "bearer";
    /** An API key as {@code x-api-key: KEY}. */
    public static final String API_KEY = "apiKey";

    private Credentials() {
    }
}
