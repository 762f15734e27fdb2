package dev.gatehouse.http.access;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.ApiErrorException;
import dev.gatehouse.http.web.Caller;
import io.micronaut.http.HttpRequest;

/**
 * What every administrators' route checks first. The access filter already turns non-admins
 * away from {@code /api/admin/**}; the routes check again so a filter change cannot open them.
 */
public final class AdminRoutes {

    private AdminRoutes() {
    }

    /** The caller, who must be an administrator: otherwise 403 {@code forbidden}. */
    public static Caller admin(HttpRequest<?> request) {
        Caller caller = AccessFilter.current(request);
        if (!caller.admin()) {
            throw new ApiErrorException(ApiError.adminsOnly());
        }
        return caller;
    }

    /** The user named in a path (already percent-decoded); a name no account can have is 404 {@code user_not_found}. */
    public static Username user(String name) {
        try {
            return Username.of(name);
        } catch (IllegalArgumentException e) {
            throw new ApiErrorException(ApiError.userNotFound(name));
        }
    }
}
