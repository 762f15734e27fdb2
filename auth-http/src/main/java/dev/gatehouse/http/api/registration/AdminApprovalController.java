package dev.gatehouse.http.api.registration;

import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.port.in.ApproveUser;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RejectUser;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.PathNames;
import dev.gatehouse.http.web.UserView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Administrators see registrations waiting for approval and approve or reject them. */
@Controller("/api/admin")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminApprovalController {

    private final ListUsers listUsers;
    private final ApproveUser approveUser;
    private final RejectUser rejectUser;

    AdminApprovalController(ListUsers listUsers, ApproveUser approveUser, RejectUser rejectUser) {
        this.listUsers = listUsers;
        this.approveUser = approveUser;
        this.rejectUser = rejectUser;
    }

    /** The accounts waiting for approval, oldest first. */
    @AdminOnly
    @Get("/pending")
    HttpResponse<?> pending(Caller caller) {
        ListUsers.Result result = listUsers.list(caller.actor());
        if (result instanceof ListUsers.Listed listed) {
            return HttpResponse.ok(listed.users().stream().filter(u -> u.status() instanceof UserStatus.Pending)
                    .map(UserView::full).toList());
        }
        return ApiError.refused((Refused) result, "list");
    }

    @AdminOnly
    @Post("/users/{username}/approve")
    HttpResponse<?> approve(Caller caller, String username) {
        ApproveUser.Result result = approveUser.approve(caller.actor(), PathNames.user(username));
        if (result instanceof ApproveUser.Approved approved) {
            return HttpResponse.ok(UserView.full(approved.user()));
        }
        return ApiError.refused((Refused) result, "approve");
    }

    @AdminOnly
    @Post("/users/{username}/reject")
    @ApiResponse(responseCode = "204", description = "Rejected: the pending account is deleted.")
    HttpResponse<?> reject(Caller caller, String username) {
        RejectUser.Result result = rejectUser.reject(caller.actor(), PathNames.user(username));
        if (result instanceof RejectUser.Rejected) {
            return HttpResponse.noContent();
        }
        return ApiError.refused((Refused) result, "reject");
    }
}
