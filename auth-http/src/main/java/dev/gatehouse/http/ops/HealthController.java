package dev.gatehouse.http.ops;

import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.JsonApi;
import dev.gatehouse.http.web.StoreUnavailable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;

/** Liveness (the process answers) and readiness (the store answers), for load balancers; public. */
@Controller
@Tag(name = ApiDescription.OPERATIONS)
class HealthController {

    private final Stores stores;

    HealthController(Stores stores) {
        this.stores = stores;
    }

    @PublicRoute
    @Get("/healthz")
    Map<String, String> healthz() {
        return Map.of("status", "ok");
    }

    @PublicRoute
    @Get("/readyz")
    @JsonApi
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> readyz() {
        try {
            stores.users().count();
            return HttpResponse.ok(Map.of("status", "ok"));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("The store does not answer.");
            return ApiError.response(HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", message)
                    .header(io.micronaut.http.HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailable.RETRY_AFTER_SECONDS));
        }
    }
}
