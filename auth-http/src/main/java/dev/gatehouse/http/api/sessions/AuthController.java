package dev.gatehouse.http.api.sessions;

import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.core.port.in.SignOut;
import dev.gatehouse.http.access.NotDuringSetup;
import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.ops.Metrics;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.JsonBody;
import dev.gatehouse.http.web.JsonObjectBody;
import dev.gatehouse.http.web.SessionCookie;
import dev.gatehouse.http.web.SignInProviders;
import dev.gatehouse.http.web.TooManyAttempts;
import dev.gatehouse.http.web.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;

/** Sign in with username and password (sets the session cookie); sign out (ends it). */
@Controller("/api/auth")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {

    private final SignIn signIn;
    private final SignOut signOut;
    private final ClientFacts client;
    private final JsonBody.Reader reader;
    private final Clock clock;

    private static final String EXAMPLE = "{\"username\": \"alice\", \"password\": \"...\"}";

    private final Metrics metrics;
    private final SignInProviders providers;

    AuthController(SignIn signIn, SignOut signOut, ClientFacts client, JsonBody.Reader reader, Clock clock,
                   Metrics metrics, SignInProviders providers) {
        this.metrics = metrics;
        this.providers = providers;
        this.signIn = signIn;
        this.signOut = signOut;
        this.client = client;
        this.reader = reader;
        this.clock = clock;
    }

    @PublicRoute
    @NotDuringSetup
    @Post("/login")
    @JsonObjectBody
    HttpResponse<?> login(HttpRequest<?> request, @Body @Nullable String body) {
        if (!providers.passwordLogin()) {
            return ApiError.response(HttpStatus.FORBIDDEN, "password_login_off", "Signing in with a password is turned"
                    + " off here; sign in through one of the providers on the sign-in page (GET /api/auth/providers).");
        }
        JsonBody login = reader.read(body, EXAMPLE);
        // Any text is a username here: one no account can have simply fails like a wrong password.
        String username = login.text("username");
        if (username.isBlank()) {
            return ApiError.badRequest("The field 'username' is empty. Send JSON like " + EXAMPLE + ".");
        }
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT, String.class).orElse("");
        SignIn.Result result = signIn.signIn(new SignIn.Command(username, login.password("password"),
                client.clientIp(request), userAgent));
        metrics.signIn(outcome(result));
        if (result instanceof SignIn.SignedIn in) {
            return HttpResponse.ok(UserView.brief(in.user()))
                    .cookies(SessionCookie.issue(in.token(), in.session(), client.cookieScope(request), clock));
        }
        if (result instanceof SignIn.Throttled throttled) {
            return TooManyAttempts.response(throttled.retryAfter());
        }
        if (result instanceof SignIn.AccountLocked locked) {
            return ApiError.response(HttpStatus.FORBIDDEN, "account_locked", "Your account is locked: " + locked.reason());
        }
        if (result instanceof SignIn.AwaitingApproval) {
            return ApiError.response(HttpStatus.FORBIDDEN, "account_pending",
                    "Your account is waiting for an administrator's approval.");
        }
        return ApiError.response(HttpStatus.UNAUTHORIZED, "invalid_credentials", SignIn.Rejected.MESSAGE);
    }

    private static String outcome(SignIn.Result result) {
        if (result instanceof SignIn.SignedIn) {
            return "success";
        }
        if (result instanceof SignIn.Throttled) {
            return "throttled";
        }
        if (result instanceof SignIn.AccountLocked) {
            return "account_locked";
        }
        return result instanceof SignIn.AwaitingApproval ? "account_pending" : "invalid_credentials";
    }

    /** Names the provider a browser's session came through; set at the provider callback (api.identities). */
    private static final String PROVIDER_COOKIE = "gatehouse_provider";

    /**
     * Ends the session. When it came through a provider that offers RP-initiated logout, the answer
     * is 200 with {@code providerLogoutUrl}: where to send the browser to end the provider's session
     * too (it comes back to /login).
     */
    @SignedIn
    @Post("/logout")
    @ApiResponse(responseCode = "204", description = "Signed out; the session cookie is cleared.")
    @ApiResponse(responseCode = "200", description = "Signed out; `providerLogoutUrl` ends the provider's session too.")
    HttpResponse<?> logout(HttpRequest<?> request) {
        SessionCookie.token(request, client.cookieScope(request))
                .ifPresent(token -> signOut.signOut(token, client.clientIp(request)));
        boolean secure = client.secure(request);
        java.util.Optional<java.net.URI> providerLogout = SessionCookie.token(request, PROVIDER_COOKIE)
                .flatMap(providers::logoutAt);
        io.micronaut.http.cookie.Cookie forget = io.micronaut.http.cookie.Cookie.of(PROVIDER_COOKIE, "").path("/")
                .httpOnly(true).sameSite(io.micronaut.http.cookie.SameSite.Lax).secure(secure).maxAge(0);
        if (providerLogout.isPresent()) {
            return HttpResponse.ok(java.util.Map.of("providerLogoutUrl", providerLogout.get().toString()))
                    .cookies(SessionCookie.clear(client.cookieScope(request))).cookie(forget);
        }
        MutableHttpResponse<?> signedOut = HttpResponse.noContent().cookies(SessionCookie.clear(client.cookieScope(request)));
        return SessionCookie.token(request, PROVIDER_COOKIE).isPresent() ? signedOut.cookie(forget) : signedOut;
    }
}
