package dev.gatehouse.http.pages;

import dev.gatehouse.core.port.in.ReadAuditLog;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.access.Pages;
import dev.gatehouse.http.api.audit.AdminAuditController;
import dev.gatehouse.http.web.ApiErrorException;
import dev.gatehouse.http.web.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /admin/audit}: the audit log for administrators, filtered as the API filters it, a page at a time. */
@Controller("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditPageController {

    private final ReadAuditLog readAuditLog;
    private final AdminAuditController api;
    private final Assets assets;
    private final Clock clock;

    AuditPageController(ReadAuditLog readAuditLog, AdminAuditController api, Assets assets, Clock clock) {
        this.readAuditLog = readAuditLog;
        this.api = api;
        this.assets = assets;
        this.clock = clock;
    }

    @AdminOnly
    @Get
    HttpResponse<?> page(Caller caller, @QueryValue @Nullable String user, @QueryValue @Nullable String action,
                         @QueryValue @Nullable String outcome, @QueryValue @Nullable String since,
                         @QueryValue @Nullable String limit) {
        Shell shell = Shell.of("Audit", assets, Optional.of(caller));
        int shown = Math.min(limitOrStep(limit), ReadAuditLog.MAX_EVENTS - 1);
        AuditLog.Query query;
        try {
            query = api.query(user, since, action, outcome, shown + 1);
        } catch (ApiErrorException bad) {
            return PagesController.page(HttpStatus.BAD_REQUEST, "message", new MessagePage(shell, "Those filters do not work",
                    bad.getMessage() + " Clear the filters and try again."));
        }
        ReadAuditLog.Result result = readAuditLog.read(caller.actor(), query);
        if (result instanceof Refused) {
            return Pages.adminsOnly();
        }
        List<dev.gatehouse.core.model.audit.AuditEvent> events = ((ReadAuditLog.Events) result).events();
        Instant now = clock.instant();
        List<AuditPage.Row> rows = events.stream().limit(shown).map(e -> AuditPage.Row.of(e, now)).toList();
        return PagesController.page(HttpStatus.OK, "audit", new AuditPage(shell, rows, text(user), text(action),
                text(outcome), text(since), shown, events.size() > shown));
    }

    private static int limitOrStep(@Nullable String limit) {
        try {
            return limit == null || limit.isBlank() ? AuditPage.STEP : Math.max(1, Integer.parseInt(limit.strip()));
        } catch (NumberFormatException e) {
            return AuditPage.STEP;
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
