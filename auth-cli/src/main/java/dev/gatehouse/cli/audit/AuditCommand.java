package dev.gatehouse.cli.audit;

import dev.gatehouse.cli.support.ExitCodes;
import dev.gatehouse.cli.support.KeyJson;
import dev.gatehouse.cli.support.TextColumns;
import dev.gatehouse.cli.support.UsageException;
import dev.gatehouse.cli.support.UserJson;
import dev.gatehouse.cli.wiring.CliCommand;
import dev.gatehouse.cli.wiring.CliWiring;
import dev.gatehouse.cli.wiring.Invocation;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import dev.gatehouse.core.model.time.StartTime;
import dev.gatehouse.core.port.in.ReadAuditLog;
import dev.gatehouse.core.port.in.Refused;
import dev.gatehouse.core.port.out.AuditLog;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse audit}: the audit log, newest first, or as JSON lines for export. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Show the audit log: who did what to whom, from where, and whether it worked.",
                "Newest first as a table; with --json one JSON object per line, oldest first, for export.",
                "The log never holds a password, key or session token."},
        footerHeading = "%nExamples:%n",
        footer = {"  gatehouse audit",
                  "  gatehouse audit --user alice --since 7d",
                  "  gatehouse audit --action impersonation. --outcome success",
                  "  gatehouse audit --since 2026-11-01 --json > audit.jsonl",
                  "",
                  "JSON fields: id, at (ISO-8601 UTC), action, actor, impersonator? (the administrator",
                  "acting as the actor), target?, ip, outcome",
                  "(success, refused or failure), details (an object of strings)."})
public final class AuditCommand extends CliCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Option(names = "--user", paramLabel = "NAME",
            description = "Only events by or about this user, also those they caused while acting as someone else.")
    Username user;

    @Option(names = "--action", paramLabel = "PREFIX",
            description = "Only actions starting with this: user. (every user event), auth.sign_in, impersonation.")
    String action;

    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "Only success, refused or failure.")
    String outcome;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Only events from then on: a duration back from now (30m, 12h, 7d), a date (2026-11-01)"
                    + " or an instant (2026-11-01T08:00:00Z).")
    String since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "At most this many events, the newest (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print one JSON object per line, oldest first, instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Invocation invocation = invocation();
        ZoneId zone = invocation.environment().zone();
        Optional<Instant> from = Optional.ofNullable(since).map(text -> start(text, invocation.environment().clock()
                .instant(), zone));
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, was " + limit + ".");
        }
        try (CliWiring app = invocation.open()) {
            ReadAuditLog.Result result = app.useCases().readAuditLog().read(invocation.actor(), query(from));
            if (result instanceof Refused refused) {
                return invocation.refused("read the audit log", refused);
            }
            List<AuditEvent> events = ((ReadAuditLog.Events) result).events();
            if (json) {
                for (int i = events.size() - 1; i >= 0; i--) {
                    invocation.say(jsonLine(events.get(i)));
                }
            } else if (events.isEmpty()) {
                invocation.say("No audit events" + (user == null ? "" : " by or about '" + user + "'")
                        + (action == null ? "" : " with an action starting '" + action + "'")
                        + (outcome == null ? "" : " with outcome " + outcome)
                        + (since == null ? "" : " since " + since) + ".");
            } else {
                table(events, zone).forEach(invocation::say);
            }
            return ExitCodes.OK;
        }
    }

    private AuditLog.Query query(Optional<Instant> from) {
        Optional<AuditEvent.Outcome> wanted;
        try {
            wanted = Optional.ofNullable(outcome).map(o -> AuditEvent.Outcome.valueOf(o.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--outcome is success, refused or failure, not '" + outcome + "'.");
        }
        try {
            return new AuditLog.Query(Optional.ofNullable(user), from, Optional.ofNullable(action), wanted, limit);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--action: " + e.getMessage());
        }
    }

    /** The start {@code --since} means: now minus a duration, the start of a date in the local zone, or an instant. */
    static Instant start(String text, Instant now, ZoneId zone) {
        try {
            return StartTime.parse(text, now, zone);
        } catch (IllegalArgumentException unreadable) {
            throw new UsageException("--since " + unreadable.getMessage());
        }
    }

    static List<String> table(List<AuditEvent> events, ZoneId zone) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TIME", "ACTION", "ACTOR", "TARGET", "IP", "OUTCOME", "DETAILS"});
        for (AuditEvent event : events) {
            rows.add(new String[] {TIME.format(event.at().atZone(zone)), event.action(), event.actor()
                    + event.impersonator().map(admin -> " (impersonated by " + admin + ")").orElse(""),
                    event.target().map(Username::value).orElse("-"), event.clientIp().isEmpty() ? "-" : event.clientIp(),
                    outcome(event), new TreeMap<>(event.details()).entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))});
        }
        return TextColumns.lines(rows);
    }

    /** One event as a line of JSON, with the fields and order the API exports ({@link AuditEvent#exportFields}). */
    @SuppressWarnings("unchecked")
    static String jsonLine(AuditEvent event) {
        StringBuilder json = new StringBuilder("{");
        event.exportFields().forEach((name, value) -> KeyJson.field(json, name, value instanceof Map<?, ?> map
                ? ((Map<String, String>) map).entrySet().stream()
                        .map(e -> UserJson.string(e.getKey()) + ": " + UserJson.string(e.getValue()))
                        .collect(Collectors.joining(", ", "{", "}"))
                : UserJson.string((String) value)));
        return json.append('}').toString();
    }

    private static String outcome(AuditEvent event) {
        return event.outcome().name().toLowerCase(Locale.ROOT);
    }
}
