package dev.gatehouse.http.pages;

import dev.gatehouse.core.model.audit.AuditEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit log page: events newest first, the filters as asked ({@code user}, {@code action} prefix,
 * {@code outcome}, {@code since}), whether more are there, and the links that keep the filters.
 */
public record AuditPage(Shell shell, List<Row> events, String user, String action, String outcome, String since,
                        int limit, boolean more) {

    /** How many events a page shows first, and how many more "Load more" adds. */
    static final int STEP = 50;

    /** The actions offered in the filter; any prefix may be typed into the URL. */
    public static final List<String> ACTIONS = List.of("auth.", "auth.sign_in", "auth.sign_out", "user.", "user.create",
            "user.delete", "user.lock", "user.unlock", "user.password_change", "api_key.", "session.", "setup",
            "impersonation.");

    /** The periods offered for {@code since}; a date (2026-01-31) works in the URL too. */
    public static final List<String> PERIODS = List.of("1h", "24h", "7d", "30d");

    public AuditPage {
        events = List.copyOf(events);
    }

    /** The filters as query parameters, without the empty ones. */
    private Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("user", user);
        filters.put("action", action);
        filters.put("outcome", outcome);
        filters.put("since", since);
        filters.values().removeIf(String::isEmpty);
        return filters;
    }

    private String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** This page with {@link #STEP} more events. */
    public String moreLink() {
        Map<String, String> parameters = filters();
        parameters.put("limit", Integer.toString(limit + STEP));
        return "/admin/audit?" + query(parameters);
    }

    /** The same filters as JSON lines, oldest first, for export. */
    public String exportLink() {
        Map<String, String> parameters = filters();
        parameters.put("limit", Integer.toString(dev.gatehouse.core.port.in.ReadAuditLog.MAX_EVENTS));
        parameters.put("format", "jsonl");
        return "/api/admin/audit?" + query(parameters);
    }

    public boolean filtered() {
        return !filters().isEmpty();
    }

    /** One event as a table row. */
    public record Row(Moment at, String action, String actor, String impersonator, String target, String ip,
                      String outcome, String details) {

        static Row of(AuditEvent event, Instant now) {
            return new Row(Moment.of(event.at(), now), event.action(), event.actor(), event.impersonator().orElse(""),
                    event.target().map(t -> t.value()).orElse(""), event.clientIp(),
                    event.outcome().name().toLowerCase(Locale.ROOT),
                    new java.util.TreeMap<>(event.details()).entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
    }
}
