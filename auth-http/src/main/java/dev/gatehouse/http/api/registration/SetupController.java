package dev.gatehouse.http.api.registration;

import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.SetUp;
import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.http.access.SetupMode;
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
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.Map;

/** First run: is setup still needed, and make the first administrator with the printed code. */
@Controller("/api/setup")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class SetupController {

    private final SetUp setUp;
    private final SetupMode setupMode;
    private final ClientFacts client;
    private static final String EXAMPLE = "{\"code\": \"7KQ2-MX9D-R4TF-0W3B\", \"username\": \"admin\", \"password\": \"...\"}";

    private final JsonBody.Reader reader;
    private final Clock clock;

    SetupController(SetUp setUp, SetupMode setupMode, ClientFacts client, JsonBody.Reader reader, Clock clock) {
        this.setUp = setUp;
        this.setupMode = setupMode;
        this.client = client;
        this.reader = reader;
        this.clock = clock;
    }

    @PublicRoute
    @Get
    Map<String, Boolean> state() {
        return Map.of("setupRequired", setupMode.active());
    }

    @PublicRoute
    @Post
    @JsonObjectBody
    @ApiResponse(responseCode = "201", description = "The first administrator, signed in (Set-Cookie).")
    HttpResponse<?> setUp(HttpRequest<?> request, @Body @Nullable String body) {
        JsonBody form = reader.read(body, EXAMPLE);
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT, String.class).orElse("");
        SetUp.Result result = setUp.setUp(new SetUp.Command(form.text("code"), form.username("username"),
                form.password("password"), client.clientIp(request), userAgent));
        if (result instanceof SetUp.Done done) {
            setupMode.finished();
            return HttpResponse.created(UserView.brief(done.signedIn().user())).cookies(SessionCookie.issue(
                    done.signedIn().token(), done.signedIn().session(), client.cookieScope(request), clock));
        }
        if (result instanceof SetUp.WrongCode) {
            return ApiError.response(HttpStatus.FORBIDDEN, "setup_code_invalid", SetUp.WrongCode.MESSAGE);
        }
        if (result instanceof SetUp.AlreadyDone) {
            return ApiError.response(HttpStatus.CONFLICT, "setup_done", SetUp.AlreadyDone.MESSAGE);
        }
        if (result instanceof SetUp.Throttled throttled) {
            return TooManyAttempts.response(throttled.retryAfter());
        }
        Refused refused = (Refused) result;
        return ApiError.response(HttpStatus.BAD_REQUEST,
                refused.reason() == Refused.Reason.WEAK_PASSWORD ? "weak_password" : "bad_request", refused.message());
    }
}
