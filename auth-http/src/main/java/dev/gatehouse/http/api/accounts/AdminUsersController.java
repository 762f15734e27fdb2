package dev.gatehouse.http.api.accounts;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.AddUser;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RemoveUser;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.ApiErrorException;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.JsonBody;
import dev.gatehouse.http.web.JsonObjectBody;
import dev.gatehouse.http.web.PathNames;
import dev.gatehouse.http.web.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;

/** Administrators list accounts page by page, add them and delete them. */
@Controller("/api/admin/users")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminUsersController {

    static final int DEFAULT_PAGE = 100;
    private static final String ADD_EXAMPLE = "{\"username\": \"alice\", \"password\": \"...\", \"admin\": false}";

    private final ListUsers listUsers;
    private final AddUser addUser;
    private final RemoveUser removeUser;
    private final JsonBody.Reader reader;

    AdminUsersController(ListUsers listUsers, AddUser addUser, RemoveUser removeUser, JsonBody.Reader reader) {
        this.listUsers = listUsers;
        this.addUser = addUser;
        this.removeUser = removeUser;
        this.reader = reader;
    }

    /** {@code ?after=NAME&limit=N}: the users after NAME in name order; {@code next} continues. */
    @AdminOnly
    @Get
    HttpResponse<?> list(Caller caller, @QueryValue @Nullable String after, @QueryValue @Nullable String limit) {
        ListUsers.Result result = listUsers.page(caller.actor(), after(after), limit(limit));
        if (result instanceof ListUsers.Page page) {
            return HttpResponse.ok(UserPage.of(page));
        }
        return ApiError.refused((Refused) result, "list");
    }

    /** Adds an account; a taken name is 409, never a silent password change. */
    @AdminOnly
    @Post
    @JsonObjectBody
    @ApiResponse(responseCode = "201", description = "Added: the user, as the list shows them.")
    HttpResponse<?> add(Caller caller, @Body @Nullable String body) {
        JsonBody json = reader.read(body, ADD_EXAMPLE);
        AddUser.Result result = addUser.add(new AddUser.Command(caller.actor(), json.username("username"),
                json.password("password"), json.flag("admin"), AddUser.IfExists.REFUSE));
        if (result instanceof AddUser.Created created) {
            return HttpResponse.created(UserView.full(created.user()));
        }
        if (result instanceof Refused refused) {
            return ApiError.refused(refused, "add");
        }
        throw new IllegalStateException("Adding a new user replaced an existing one's password: " + result);
    }

    /** Deletes an account and ends its sessions; nobody deletes themselves. */
    @AdminOnly
    @Delete("/{username}")
    @ApiResponse(responseCode = "204", description = "Deleted; their sessions ended.")
    HttpResponse<?> remove(Caller caller, String username) {
        RemoveUser.Result result = removeUser.remove(caller.actor(), PathNames.user(username));
        if (result instanceof RemoveUser.Removed) {
            return HttpResponse.noContent();
        }
        return ApiError.refused((Refused) result, "delete");
    }

    private static Optional<Username> after(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Username.of(after));
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The parameter 'after' must be a username (the 'next' of the"
                    + " previous page): " + e.getMessage());
        }
    }

    private static int limit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_PAGE;
        }
        try {
            return Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw ApiErrorException.badRequest("The parameter 'limit' must be a whole number from 1 to "
                    + ListUsers.MAX_PAGE + ", not '" + limit + "'.");
        }
    }
}
