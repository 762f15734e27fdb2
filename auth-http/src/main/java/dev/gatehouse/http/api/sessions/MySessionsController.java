package dev.gatehouse.http.api.sessions;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.sessions.Session;
import dev.gatehouse.core.model.sessions.SessionId;
import dev.gatehouse.core.port.in.ManageSessions;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.ClientFacts;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.SessionCookie;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import java.util.Optional;

/** The caller's own sessions: list them, end one, or end all but the one in use. Never anyone else's. */
@Controller("/api/me/sessions")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class MySessionsController {

    private final ManageSessions manageSessions;
    private final ClientFacts client;

    MySessionsController(ManageSessions manageSessions, ClientFacts client) {
        this.manageSessions = manageSessions;
        this.client = client;
    }

    @SignedIn
    @Get
    HttpResponse<?> list(Caller caller) {
        Optional<SessionId> current = caller.session().map(Session::id);
        ManageSessions.Result result = manageSessions.list(caller.actor(), caller.user().username());
        if (result instanceof ManageSessions.Sessions listed) {
            return HttpResponse.ok(new SessionView.Listing(
                    listed.sessions().stream().map(session -> SessionView.of(session, current)).toList()));
        }
        return refused(result);
    }

    /** Ends every other session: after a password scare, or to sign out a lost device. */
    @SignedIn
    @Delete
    HttpResponse<?> endOthers(Caller caller) {
        Username me = caller.user().username();
        ManageSessions.Result result = caller.session()
                .map(session -> manageSessions.endOthers(caller.actor(), me, session.id()))
                .orElseGet(() -> manageSessions.endAll(caller.actor(), me));
        if (result instanceof ManageSessions.Ended ended) {
            return HttpResponse.ok(Map.of("ended", ended.count()));
        }
        return refused(result);
    }

    /** Ends one session by its public id; ending the one in use signs the caller out (and clears the cookie). */
    @SignedIn
    @Delete("/{id}")
    @ApiResponse(responseCode = "204", description = "Ended (and the cookie cleared when it was this session).")
    HttpResponse<?> end(Caller caller, HttpRequest<?> request, String id) {
        SessionId sessionId;
        try {
            sessionId = new SessionId(id);
        } catch (IllegalArgumentException e) {
            return noSuchSession(id); // a malformed id names no session
        }
        ManageSessions.Result result = manageSessions.end(caller.actor(), caller.user().username(), sessionId);
        if (result instanceof ManageSessions.Ended) {
            boolean current = caller.session().map(s -> s.id().equals(sessionId)).orElse(false);
            return current ? HttpResponse.noContent().cookies(SessionCookie.clear(client.cookieScope(request)))
                    : HttpResponse.noContent();
        }
        if (result instanceof Refused refused && refused.reason() == Refused.Reason.NOT_FOUND) {
            return noSuchSession(id);
        }
        return refused(result);
    }

    private static HttpResponse<?> noSuchSession(String id) {
        return ApiError.notFound("You have no session '" + id + "'; list yours with GET /api/me/sessions.");
    }

    private static HttpResponse<?> refused(ManageSessions.Result result) {
        return ApiError.refused((Refused) result, "manage_sessions");
    }
}
