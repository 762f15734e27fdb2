package dev.gatehouse.http.api.accounts;

import dev.gatehouse.http.access.AccessFilter;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.CallerRequired;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.UserView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * The signed-in user's own account, and the administrator acting as them if one is. The access
 * filter has already checked the session.
 */
@Controller("/api/me")
@JsonApi
@CallerRequired
class MeController {

    @Get
    UserView me(HttpRequest<?> request) {
        Caller caller = AccessFilter.current(request);
        return UserView.full(caller.user()).actedOnBy(caller.impersonator());
    }
}
