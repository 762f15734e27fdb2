package dev.gatehouse.http.access;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * A route someone forgot to give a rule (no {@code @Secured}), in a server only while
 * {@link #SWITCH} is set: {@code AccessTest} shows that it is refused to everyone and that the
 * route check names it.
 */
@Requires(property = UndeclaredRouteController.SWITCH, value = "true")
@Controller("/test-only/undeclared")
class UndeclaredRouteController {

    static final String SWITCH = "gatehouse.test.undeclared-route";

    @Get
    String reached() {
        return "reached";
    }
}
