package dev.gatehouse.http.api.registration;

import dev.gatehouse.core.model.accounts.UserStatus;
import dev.gatehouse.core.port.in.ApproveUser;
import dev.gatehouse.core.port.in.ListUsers;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.in.RejectUser;
import dev.gatehouse.http.access.AdminRoutes;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.CallerRequired;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.UserView;
import io.micronaut.http.HttpRequest;
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
@CallerRequired
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
    @Get("/pending")
    HttpResponse<?> pending(HttpRequest<?> request) {
        ListUsers.Result result = listUsers.list(AdminRoutes.admin(request).actor());
        if (result instanceof ListUsers.Listed listed) {
            return HttpResponse.ok(listed.users().stream().filter(u -> u.status() instanceof UserStatus.Pending)
                    .map(UserView::full).toList());
        }
        return ApiError.refused((Refused) result, "list");
    }

    @Post("/users/{username}/approve")
    HttpResponse<?> approve(HttpRequest<?> request, String username) {
        ApproveUser.Result result = approveUser.approve(AdminRoutes.admin(request).actor(), AdminRoutes.user(username));
        if (result instanceof ApproveUser.Approved approved) {
            return HttpResponse.ok(UserView.full(approved.user()));
        }
        return ApiError.refused((Refused) result, "approve");
    }

    @Post("/users/{username}/reject")
    @ApiResponse(responseCode = "204", description = "Rejected: the pending account is deleted.")
    HttpResponse<?> reject(HttpRequest<?> request, String username) {
        RejectUser.Result result = rejectUser.reject(AdminRoutes.admin(request).actor(), AdminRoutes.user(username));
        if (result instanceof RejectUser.Rejected) {
            return HttpResponse.noContent();
        }
        return ApiError.refused((Refused) result, "reject");
    }
}
