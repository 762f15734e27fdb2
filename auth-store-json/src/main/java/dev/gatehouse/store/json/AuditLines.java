package dev.gatehouse.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.AuditEvent;
import dev.gatehouse.core.model.Username;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One audit event as one line of gatehouse-audit.jsonl, and back. */
final class AuditLines {

    private AuditLines() {
    }

    /** The event as compact JSON plus a newline, so one write appends one whole line. */
    static byte[] encode(AuditEvent event) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("at", event.at().toString());
        node.put("action", event.action());
        node.put("actor", event.actor());
        event.target().ifPresent(target -> node.put("target", target.value()));
        node.put("clientIp", event.clientIp());
        node.put("outcome", event.outcome().name().toLowerCase(Locale.ROOT));
        ObjectNode details = node.putObject("details");
        new TreeMap<>(event.details()).forEach(details::put); // sorted: the same event, the same line
        try {
            return (Json.ONE_LINE.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes line number {@code lineNumber} (from 1); throws {@link CorruptFileException} naming it. */
    static AuditEvent decode(String line, int lineNumber) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new CorruptFileException("has a line " + lineNumber + " that " + Json.notJson(e)
                    .replaceFirst("at line 1, ", "at "), e);
        }
        String what = "the event on line " + lineNumber;
        Fields fields = new Fields(Fields.object(root, what), what);
        try {
            return new AuditEvent(fields.isoInstant("at"), fields.text("action"), fields.text("actor"),
                    fields.optionalText("target").map(Username::of), fields.optionalText("clientIp").orElse(""),
                    AuditEvent.Outcome.valueOf(fields.text("outcome").toUpperCase(Locale.ROOT)),
                    details(fields, root.get("details")));
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has " + what + " that is not valid: " + e.getMessage()
                    + " Fix that line by hand", e);
        }
    }

    private static Map<String, String> details(Fields fields, JsonNode node) {
        Map<String, String> details = new TreeMap<>();
        if (node == null || node.isNull()) {
            return details;
        }
        if (!node.isObject()) {
            throw fields.wrong("details", node, "an object of text values");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw fields.wrong("details", node, "an object of text values");
            }
            details.put(entry.getKey(), entry.getValue().textValue());
        }
        return details;
    }
}
