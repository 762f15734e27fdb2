package dev.gatehouse.http.api.accounts;

import dev.gatehouse.http.access.KeyRule;
import dev.gatehouse.http.access.KeyRule.Keys;
import dev.gatehouse.http.access.SignedIn;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.UserView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * The signed-in user's own account, and the administrator acting as them if one is. The access
 * filter has already checked the session.
 */
@Controller("/api/me")
@JsonApi
class MeController {

    @SignedIn
    @KeyRule(Keys.ANY)
    @Get
    UserView me(Caller caller) {
        return UserView.full(caller.user()).actedOnBy(caller.impersonator());
    }
}
