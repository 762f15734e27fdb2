package dev.gatehouse.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** The signed-in user's own account. The access filter has already checked the session. */
@Controller("/api/me")
class MeController {

    @Get
    UserView me(HttpRequest<?> request) {
        return UserView.full(AccessFilter.current(request).user());
    }
}
