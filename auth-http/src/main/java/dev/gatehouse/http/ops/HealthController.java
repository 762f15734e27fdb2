package dev.gatehouse.http.ops;

import dev.gatehouse.core.port.out.Stores;
import dev.gatehouse.http.access.PublicRoute;
import dev.gatehouse.core.port.out.IdentityProvider;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.SignInProviders;
import java.util.List;
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

/**
 * Liveness (the process answers) and readiness (the store answers; each sign-in provider named with its
 * health, 503 only when no way to sign in is left), for load balancers; public.
 */
@Controller
@Tag(name = ApiDescription.OPERATIONS)
class HealthController {

    private final Stores stores;
    private final SignInProviders providers;

    HealthController(Stores stores, SignInProviders providers) {
        this.stores = stores;
        this.providers = providers;
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
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("The store does not answer.");
            return ApiError.response(HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", message)
                    .header(io.micronaut.http.HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailable.RETRY_AFTER_SECONDS));
        }
        if (providers.all().isEmpty()) {
            return HttpResponse.ok(Map.of("status", "ok"));
        }
        // Each provider's health by name. One that is down does not take the server out of rotation
        // (passwords, keys, forward auth and the other providers still work): only when no way to sign
        // in is left (the password form off, every provider down) is the answer 503.
        Map<String, Object> each = new java.util.LinkedHashMap<>();
        List<String> down = new java.util.ArrayList<>();
        providers.all().forEach(p -> {
            IdentityProvider.Health health = p.health();
            each.put(p.name().value(), Map.of("up", health.up(), "detail", health.detail()));
            if (!health.up()) {
                down.add(p.name().value());
            }
        });
        if (!providers.passwordLogin() && down.size() == providers.all().size()) {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("error", "provider_unavailable");
            body.put("message", "No way to sign in is left: the password form is off and every provider is down ("
                    + String.join(", ", down) + ").");
            body.put("providers", each);
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(body)
                    .header(io.micronaut.http.HttpHeaders.RETRY_AFTER, String.valueOf(StoreUnavailable.RETRY_AFTER_SECONDS));
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", down.isEmpty() ? "ok" : "degraded");
        body.put("providers", each);
        if (!down.isEmpty()) {
            body.put("providersDown", down);
        }
        return HttpResponse.ok(body);
    }
}
