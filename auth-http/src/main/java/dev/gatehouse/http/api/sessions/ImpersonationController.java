package dev.gatehouse.http.api.sessions;

import dev.gatehouse.core.port.in.Impersonate;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.ValidateSession;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.access.KeyRule;
import dev.gatehouse.http.access.KeyRule.Keys;
import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.PathNames;
import dev.gatehouse.http.web.SameOrigin;
import dev.gatehouse.http.web.SessionCookie;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An administrator starts acting as a user ({@code POST /api/admin/users/{name}/impersonate}) and
 * stops ({@code POST /api/impersonation/stop}). Starting swaps the session cookie for the user's
 * new session and keeps the administrator's in {@link AdminCookie}; stopping ends the user's
 * session and hands the administrator's back (only theirs, and only while they are an administrator),
 * or sends them to sign in if it is gone. Stopping is
 * public so an impersonation that ran out can still be left; it checks the origin itself.
 */
@Controller
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class ImpersonationController {

    static final String STOP_PATH = "/api/impersonation/stop";

    private final Impersonate impersonate;
    private final ValidateSession sessions;
    private final ClientFacts client;
    private final Clock clock;

    ImpersonationController(Impersonate impersonate, ValidateSession sessions, ClientFacts client, Clock clock) {
        this.impersonate = impersonate;
        this.sessions = sessions;
        this.client = client;
        this.clock = clock;
    }

    @AdminOnly
    @KeyRule(Keys.NONE)
    @Post("/api/admin/users/{username}/impersonate")
    HttpResponse<?> start(Caller caller, HttpRequest<?> request, String username) {
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT, String.class).orElse("");
        // The route admits no key (@KeyRule(Keys.NONE)), so the caller is a signed-in person or --auth none's built-in one.
        Impersonate.Result result = impersonate.start(new Impersonate.Command(caller.actor(), caller.session(),
                PathNames.user(username), userAgent));
        if (result instanceof Refused refused) {
            return ApiError.refused(refused, "impersonate");
        }
        Impersonate.Started started = (Impersonate.Started) result;
        SessionCookie.Scope scope = client.cookieScope(request);
        boolean secure = scope.secure();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", started.user().username().value());
        body.put("impersonator", caller.user().username().value());
        body.put("expiresAt", started.session().expiresAt().toString());
        return HttpResponse.ok(body)
                .cookies(SessionCookie.issue(started.token(), started.session(), scope, clock))
                .cookie(AdminCookie.keep(SessionCookie.token(request, scope).orElseThrow(), caller.session().orElseThrow(),
                        secure, clock));
    }

    @PublicRoute
    @Post(STOP_PATH)
    HttpResponse<?> stop(HttpRequest<?> request) {
        SessionCookie.Scope scope = client.cookieScope(request);
        boolean secure = scope.secure();
        if (!SameOrigin.check(request, secure, client.portal())) {
            return ApiError.csrf();
        }
        Optional<String> token = SessionCookie.token(request, scope);
        Impersonate.StopResult result = token.map(t -> impersonate.stop(t, client.clientIp(request)))
                .orElseGet(Impersonate.NotImpersonating::new);
        Optional<String> adminToken = AdminCookie.token(request, secure);
        if (result instanceof Impersonate.NotImpersonating && adminToken.isEmpty()) {
            return ApiError.response(HttpStatus.CONFLICT, "not_impersonating",
                    "This browser is not acting as another user; there is nothing to stop.");
        }
        // Only the administrator who was impersonating gets their session back: a kept cookie that is
        // someone else's (planted, or left over) is dropped, never made the browser's session.
        Optional<ValidateSession.SignedInUser> admin = adminToken.flatMap(sessions::validate)
                .filter(s -> s.user().isAdmin() && s.session().impersonator().isEmpty())
                .filter(s -> !(result instanceof Impersonate.Stopped stopped)
                        || stopped.administrator().equals(s.user().username()));
        Map<String, Object> body = new LinkedHashMap<>();
        if (result instanceof Impersonate.Stopped stopped) {
            body.put("user", stopped.user().value());
        }
        if (admin.isEmpty()) {
            body.put("next", "/login");
            return HttpResponse.ok(body).cookies(SessionCookie.clear(scope)).cookies(AdminCookie.clear(secure));
        }
        body.put("administrator", admin.get().user().username().value());
        body.put("next", "/admin");
        return HttpResponse.ok(body)
                .cookies(SessionCookie.issue(adminToken.get(), admin.get().session(), scope, clock))
                .cookies(AdminCookie.clear(secure));
    }
}
