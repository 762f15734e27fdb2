package dev.gatehouse.http.api.registration;

import dev.gatehouse.core.model.registration.InviteId;
import dev.gatehouse.core.model.time.HumanDuration;
import dev.gatehouse.core.port.in.CreateInvite;
import dev.gatehouse.core.port.in.ListInvites;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RevokeInvite;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.ApiErrorException;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.JsonBody;
import dev.gatehouse.http.web.JsonObjectBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Administrators create invites (the code is in this one answer only), list them and revoke them. */
@Controller("/api/admin/invites")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminInvitesController {

    private static final String EXAMPLE = "{\"email\": \"bob@example.org\", \"uses\": 1, \"expires\": \"7d\"}";

    private final CreateInvite createInvite;
    private final ListInvites listInvites;
    private final RevokeInvite revokeInvite;
    private final JsonBody.Reader reader;
    private final Clock clock;

    AdminInvitesController(CreateInvite createInvite, ListInvites listInvites, RevokeInvite revokeInvite,
                           JsonBody.Reader reader, Clock clock) {
        this.createInvite = createInvite;
        this.listInvites = listInvites;
        this.revokeInvite = revokeInvite;
        this.reader = reader;
        this.clock = clock;
    }

    @AdminOnly
    @Get
    HttpResponse<?> list(Caller caller) {
        ListInvites.Result result = listInvites.list(caller.actor());
        if (result instanceof ListInvites.Listed listed) {
            return HttpResponse.ok(listed.invites().stream().map(i -> InviteView.of(i, clock.instant())).toList());
        }
        return ApiError.refused((Refused) result, "list");
    }

    @AdminOnly
    @Post
    @JsonObjectBody
    @ApiResponse(responseCode = "201", description = "Made: the invite with its code and link, shown this once.")
    HttpResponse<?> create(Caller caller, @Body @Nullable String body) {
        JsonBody json = reader.read(body == null || body.isBlank() ? "{}" : body, EXAMPLE);
        CreateInvite.Result result = createInvite.create(new CreateInvite.Command(caller.actor(),
                json.optionalText("email"), json.optionalWholeNumber("uses"), lifetime(json.optionalText("expires"))));
        if (result instanceof CreateInvite.Created created) {
            return HttpResponse.created(InviteView.of(created.invite(), clock.instant(), created.code()));
        }
        return ApiError.refused((Refused) result, "create");
    }

    @AdminOnly
    @Delete("/{id}")
    HttpResponse<?> revoke(Caller caller, String id) {
        InviteId inviteId;
        try {
            inviteId = InviteId.of(id);
        } catch (IllegalArgumentException e) {
            return ApiError.notFound(e.getMessage());
        }
        RevokeInvite.Result result = revokeInvite.revoke(caller.actor(), inviteId);
        if (result instanceof RevokeInvite.Revoked revoked) {
            return HttpResponse.ok(InviteView.of(revoked.invite(), clock.instant()));
        }
        Refused refused = (Refused) result;
        return refused.reason() == Refused.Reason.NOT_FOUND ? ApiError.notFound(refused.message())
                : ApiError.refused(refused, "revoke");
    }

    private static Optional<Duration> lifetime(Optional<String> text) {
        try {
            return text.filter(t -> !t.isBlank()).map(HumanDuration::parse);
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The field 'expires': " + e.getMessage());
        }
    }
}
