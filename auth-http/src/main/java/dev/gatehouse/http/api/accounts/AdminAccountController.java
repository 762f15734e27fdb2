package dev.gatehouse.http.api.accounts;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.port.in.ChangePassword;
import dev.gatehouse.core.port.in.ChangeRole;
import dev.gatehouse.core.port.in.LockUser;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.UnlockUser;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.access.KeyRule;
import dev.gatehouse.http.access.KeyRule.Keys;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.JsonBody;
import dev.gatehouse.http.web.JsonObjectBody;
import dev.gatehouse.http.web.PathNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import java.util.Optional;

/** Administrators set a user's password or role, lock an account with a reason, or unlock it. */
@Controller("/api/admin/users/{username}")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminAccountController {

    private static final String PASSWORD_EXAMPLE = "{\"password\": \"...\"}";
    private static final String ROLE_EXAMPLE = "{\"role\": \"admin\"} or {\"role\": \"user\"}";
    private static final String LOCK_EXAMPLE = "{\"reason\": \"Left the team\"} (the reason may be left out)";

    private final ChangePassword changePassword;
    private final LockUser lockUser;
    private final UnlockUser unlockUser;
    private final ChangeRole changeRole;
    private final JsonBody.Reader reader;

    AdminAccountController(ChangePassword changePassword, LockUser lockUser, UnlockUser unlockUser,
                           ChangeRole changeRole, JsonBody.Reader reader) {
        this.changeRole = changeRole;
        this.changePassword = changePassword;
        this.lockUser = lockUser;
        this.unlockUser = unlockUser;
        this.reader = reader;
    }

    /** Sets the password without the old one and ends every session of the user. */
    @AdminOnly
    @KeyRule(Keys.NONE)
    @Post("/password")
    @JsonObjectBody
    HttpResponse<?> setPassword(Caller caller, String username, @Body @Nullable String body) {
        Username target = PathNames.user(username);
        if (caller.actor().is(target)) {
            return ApiError.forbidden("To change your own password use POST /api/me/password, which asks for your"
                    + " current one.");
        }
        JsonBody json = reader.read(body, PASSWORD_EXAMPLE);
        ChangePassword.Result result = changePassword.change(new ChangePassword.Command(caller.actor(), target,
                Optional.empty(), json.password("password"), Optional.empty()));
        if (result instanceof ChangePassword.Changed changed) {
            return HttpResponse.ok(Map.of("sessionsEnded", changed.sessionsEnded()));
        }
        return ApiError.refused((Refused) result, "set_password");
    }

    /** Locks the account and ends its sessions at once; its sign-in then shows the reason. */
    @AdminOnly
    @Post("/lock")
    @JsonObjectBody
    HttpResponse<?> lock(Caller caller, String username, @Body @Nullable String body) {
        Username target = PathNames.user(username);
        String reason = reader.readOptional(body, LOCK_EXAMPLE).optionalText("reason").orElse("");
        LockUser.Result result = lockUser.lock(caller.actor(), target, reason);
        if (result instanceof LockUser.Locked locked) {
            return HttpResponse.ok(Map.of("sessionsEnded", locked.sessionsEnded()));
        }
        return ApiError.refused((Refused) result, "lock");
    }

    /** Makes the user an administrator or a plain user; applies to their next request. */
    @AdminOnly
    @Put("/role")
    @JsonObjectBody
    HttpResponse<?> setRole(Caller caller, String username, @Body @Nullable String body) {
        Username target = PathNames.user(username);
        JsonBody json = reader.read(body, ROLE_EXAMPLE);
        String role = json.text("role");
        if (!role.equals("admin") && !role.equals("user")) {
            return ApiError.badRequest("The role '" + role + "' is not known; send " + ROLE_EXAMPLE + ".");
        }
        ChangeRole.Result result = changeRole.change(caller.actor(), target, role.equals("admin"));
        if (result instanceof ChangeRole.Changed changed) {
            return HttpResponse.ok(Map.of("username", target.value(), "role", role, "changed", changed.changed()));
        }
        return ApiError.refused((Refused) result, "change_role");
    }

    @AdminOnly
    @Post("/unlock")
    @ApiResponse(responseCode = "204", description = "Unlocked (also when it was not locked).")
    HttpResponse<?> unlock(Caller caller, String username) {
        UnlockUser.Result result = unlockUser.unlock(caller.actor(), PathNames.user(username));
        if (result instanceof UnlockUser.Unlocked) {
            return HttpResponse.noContent();
        }
        return ApiError.refused((Refused) result, "unlock");
    }
}
