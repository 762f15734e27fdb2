package dev.gatehouse.http.api.registration;

import dev.gatehouse.core.port.in.Register;
import dev.gatehouse.core.port.in.SignIn;
import dev.gatehouse.http.access.NotDuringSetup;
import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.JsonBody;
import dev.gatehouse.http.web.JsonObjectBody;
import dev.gatehouse.http.web.SessionCookie;
import dev.gatehouse.http.web.TooManyAttempts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Self-registration: which mode applies, and create an account. An active account is signed in at
 * once (201 with the session cookie); a pending one gets 202 and no session.
 */
@Controller("/api/register")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class RegisterController {

    private static final String EXAMPLE = "{\"username\": \"alice\", \"password\": \"...\","
            + " \"email\": \"alice@example.org\", \"invite\": \"inv_...\"}";

    private final Register register;
    private final SignIn signIn;
    private final ClientFacts client;
    private final JsonBody.Reader reader;
    private final Clock clock;

    RegisterController(Register register, SignIn signIn, ClientFacts client, JsonBody.Reader reader, Clock clock) {
        this.register = register;
        this.signIn = signIn;
        this.client = client;
        this.reader = reader;
        this.clock = clock;
    }

    /** The registration mode, for pages and clients. */
    @PublicRoute
    @NotDuringSetup
    @Get
    Map<String, String> mode() {
        return Map.of("mode", register.mode().label());
    }

    @PublicRoute
    @NotDuringSetup
    @Post
    @JsonObjectBody
    @ApiResponse(responseCode = "201", description = "Registered (and signed in when the account is active at once).")
    @ApiResponse(responseCode = "202", description = "Registered; the account waits for an administrator's approval.")
    HttpResponse<?> register(HttpRequest<?> request, @Body @Nullable String body) {
        JsonBody form = reader.read(body, EXAMPLE);
        String ip = client.clientIp(request);
        Register.Result result = register.register(new Register.Command(form.text("username"), form.password("password"),
                form.optionalText("email"), form.optionalText("invite"), ip));
        if (result instanceof Register.Registered done && done.pending()) {
            return HttpResponse.accepted().body(new Registered(done.user().username().value(), true));
        }
        if (result instanceof Register.Registered done) {
            String agent = request.getHeaders().get(HttpHeaders.USER_AGENT, String.class).orElse("");
            SignIn.Result in = signIn.signIn(new SignIn.Command(done.user().username().value(), form.password("password"),
                    ip, agent));
            HttpResponse<Registered> created = HttpResponse.created(new Registered(done.user().username().value(), false));
            return in instanceof SignIn.SignedIn signedIn ? HttpResponse.created(created.body())
                    .cookies(SessionCookie.issue(signedIn.token(), signedIn.session(), client.cookieScope(request), clock))
                    : created;
        }
        if (result instanceof Register.Throttled throttled) {
            return TooManyAttempts.response(throttled.retryAfter());
        }
        Register.Declined declined = (Register.Declined) result;
        String code = declined.why().name().toLowerCase(Locale.ROOT);
        return switch (declined.why()) {
            case CLOSED -> ApiError.response(HttpStatus.FORBIDDEN, "registration_closed", declined.message());
            case INVITE_REQUIRED, INVITE_INVALID, INVITE_EXPIRED, INVITE_USED_UP, INVITE_REVOKED, EMAIL_MISMATCH ->
                    ApiError.response(HttpStatus.FORBIDDEN, code, declined.message());
            case USERNAME_TAKEN -> ApiError.response(HttpStatus.CONFLICT, code, declined.message());
            case WEAK_PASSWORD, EMAIL_REQUIRED -> ApiError.response(HttpStatus.BAD_REQUEST, code, declined.message());
            case INVALID -> ApiError.badRequest(declined.message());
        };
    }

    /** The new account's name, and whether it waits for approval. */
    @Serdeable
    record Registered(String username, boolean pending) {
    }
}
