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
import dev.gatehouse.http.web.TooManyAttempts;
import dev.gatehouse.http.web.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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

    AuthController(SignIn signIn, SignOut signOut, ClientFacts client, JsonBody.Reader reader, Clock clock,
                   Metrics metrics) {
        this.metrics = metrics;
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

    @SignedIn
    @Post("/logout")
    @ApiResponse(responseCode = "204", description = "Signed out; the session cookie is cleared.")
    HttpResponse<?> logout(HttpRequest<?> request) {
        SessionCookie.token(request, client.cookieScope(request))
                .ifPresent(token -> signOut.signOut(token, client.clientIp(request)));
        return HttpResponse.noContent().cookies(SessionCookie.clear(client.cookieScope(request)));
    }
}
