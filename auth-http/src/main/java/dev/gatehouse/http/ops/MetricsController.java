package dev.gatehouse.http.ops;

import dev.gatehouse.http.access.AdminOnly;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /metrics} for Prometheus (administrators only: {@code @AdminOnly}). */
@Controller("/metrics")
@Tag(name = ApiDescription.OPERATIONS)
class MetricsController {

    private final Metrics metrics;

    MetricsController(Metrics metrics) {
        this.metrics = metrics;
    }

    @AdminOnly
    @Get(produces = "text/plain; version=0.0.4; charset=utf-8")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> metrics() {
        return HttpResponse.ok(metrics.render());
    }

    /** Counts every response by status, errors and the access layer's refusals included (it runs outside Micronaut Security's filter). */
    @ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    static class CountResponses {
        private final Metrics metrics;

        CountResponses(Metrics metrics) {
            this.metrics = metrics;
        }

        @ResponseFilter
        void count(MutableHttpResponse<?> response) {
            metrics.response(response.code());
        }
    }
}
