package dev.gatehouse.http.web;

import dev.gatehouse.core.model.accounts.Username;

/** Names taken from a route's path, checked once for every route that takes one. */
public final class PathNames {

    private PathNames() {
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
