package dev.gatehouse.http.api.audit;

import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.time.StartTime;
import dev.gatehouse.core.port.in.ReadAuditLog;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.AuditLog;
import dev.gatehouse.http.access.AdminOnly;
import dev.gatehouse.http.web.ApiError;
import dev.gatehouse.http.web.ApiErrorException;
import dev.gatehouse.http.web.Caller;
import dev.gatehouse.http.web.JsonApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The audit log for administrators: {@code ?user=NAME&since=7d&action=user.&outcome=refused&limit=N},
 * newest first as JSON, or with {@code format=jsonl} one event per line, oldest first, for export.
 */
@Controller("/api/admin/audit")
@JsonApi
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminAuditController {

    static final int DEFAULT_LIMIT = 100;
    static final String JSON_LINES = "application/x-ndjson";

    private final ReadAuditLog readAuditLog;
    private final Clock clock;
    private final ObjectMapper json;

    AdminAuditController(ReadAuditLog readAuditLog, Clock clock, ObjectMapper json) {
        this.readAuditLog = readAuditLog;
        this.clock = clock;
        this.json = json;
    }

    @AdminOnly
    @Get
    @ApiResponse(responseCode = "200", description = "format=json: {\"events\": [...]}, newest first;"
            + " format=jsonl: one event per line, oldest first, as a download.",
            content = {@Content(mediaType = "application/json", schema = @Schema(type = "object")),
                    @Content(mediaType = JSON_LINES, schema = @Schema(type = "string"))})
    HttpResponse<?> read(Caller caller, @QueryValue @Nullable String user, @QueryValue @Nullable String since,
                         @QueryValue @Nullable String action, @QueryValue @Nullable String outcome,
                         @QueryValue @Nullable String limit, @QueryValue @Nullable String format) {
        boolean lines = format != null && format.strip().equalsIgnoreCase("jsonl");
        if (format != null && !lines && !format.strip().equalsIgnoreCase("json")) {
            throw ApiErrorException.badRequest("The parameter 'format' is json (the default) or jsonl, not '"
                    + format + "'.");
        }
        AuditLog.Query query = query(user, since, action, outcome, limit(limit));
        ReadAuditLog.Result result = readAuditLog.read(caller.actor(), query);
        if (result instanceof Refused refused) {
            return ApiError.refused(refused, "read the audit log");
        }
        List<Map<String, Object>> events = ((ReadAuditLog.Events) result).events().stream().map(AuditEvent::exportFields).toList();
        if (!lines) {
            return HttpResponse.ok(Map.of("events", events));
        }
        StringBuilder body = new StringBuilder();
        List<Map<String, Object>> oldestFirst = new ArrayList<>(events);
        java.util.Collections.reverse(oldestFirst);
        for (Map<String, Object> event : oldestFirst) {
            try {
                body.append(json.writeValueAsString(event)).append('\n');
            } catch (java.io.IOException e) {
                throw new IllegalStateException("An audit event could not be written as JSON", e);
            }
        }
        return HttpResponse.ok(body.toString()).contentType(MediaType.of(JSON_LINES))
                .header("Content-Disposition", "attachment; filename=\"gatehouse-audit.jsonl\"");
    }

    /** The query the parameters ask for; a parameter that makes no sense is 400 with what to send. */
    public AuditLog.Query query(@Nullable String user, @Nullable String since, @Nullable String action,
                         @Nullable String outcome, int limit) {
        try {
            return new AuditLog.Query(user(user), since(since), Optional.ofNullable(action), outcome(outcome), limit);
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The parameter 'action': " + e.getMessage());
        }
    }

    static Optional<AuditEvent.Outcome> outcome(@Nullable String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AuditEvent.Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The parameter 'outcome' is success, refused or failure, not '"
                    + outcome + "'.");
        }
    }

    static Optional<Username> user(@Nullable String user) {
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Username.of(user.strip()));
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The parameter 'user' must be a username: " + e.getMessage());
        }
    }

    Optional<java.time.Instant> since(@Nullable String since) {
        if (since == null || since.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StartTime.parse(since, clock.instant(), ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The parameter 'since': " + e.getMessage());
        }
    }

    static int limit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiErrorException.badRequest("The parameter 'limit' must be a whole number from 1 to "
                + ReadAuditLog.MAX_EVENTS + ", not '" + limit + "'.");
    }
}
