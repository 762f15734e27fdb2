package dev.gatehouse.http.api.accounts;

import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.http.access.KeyRule;
import dev.gatehouse.http.access.KeyRule.Keys;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.JsonBody;
import dev.gatehouse.http.web.JsonObjectBody;
import dev.gatehouse.http.web.TooManyAttempts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Optional;

/**
 * The caller changes their own password, proving they know the current one. The session the
 * change is made from stays; every other session of theirs ends. Wrong current passwords count
 * towards the sign-in throttle of the account and the address (429 with {@code Retry-After}).
 */
@Controller("/api/me/password")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class MyPasswordController {

    private static final String EXAMPLE = "{\"currentPassword\": \"...\", \"newPassword\": \"...\"}";

    private final ChangePassword changePassword;
    private final JsonBody.Reader reader;

    MyPasswordController(ChangePassword changePassword, JsonBody.Reader reader) {
        this.changePassword = changePassword;
        this.reader = reader;
    }

    @SignedIn
    @KeyRule(Keys.NONE)
    @Post
    @JsonObjectBody
    HttpResponse<?> change(Caller caller, @Body @Nullable String body) {
        JsonBody json = reader.read(body, EXAMPLE);
        ChangePassword.Result result = changePassword.change(new ChangePassword.Command(caller.actor(),
                caller.user().username(), Optional.of(json.password("currentPassword")), json.password("newPassword"),
                caller.session().map(Session::id)));
        if (result instanceof ChangePassword.Changed changed) {
            return HttpResponse.ok(Map.of("sessionsEnded", changed.sessionsEnded()));
        }
        if (result instanceof ChangePassword.Throttled throttled) {
            return TooManyAttempts.response(throttled.retryAfter());
        }
        return ApiError.refused((Refused) result, "change_password");
    }
}
