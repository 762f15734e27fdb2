package dev.gatehouse.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.core.model.accounts.Username;
import dev.gatehouse.core.model.audit.AuditEvent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One audit event as one line of gatehouse-audit.jsonl, and back. Lines carry the event's
 * {@code id}; lines written before ids existed get one derived from their content.
 */
final class AuditLines {

    private AuditLines() {
    }

    /** The event as compact JSON plus a newline, so one write appends one whole line. */
    static byte[] encode(AuditEvent event) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", event.id());
        node.put("at", event.at().toString());
        node.put("action", event.action());
        node.put("actor", event.actor());
        event.impersonator().ifPresent(admin -> node.put("impersonator", admin));
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
            String id = fields.optionalText("id").orElseGet(() -> derivedId(line));
            return new AuditEvent(id, fields.isoInstant("at"), fields.text("action"), fields.text("actor"),
                    fields.optionalText("target").map(Username::of), fields.optionalText("clientIp").orElse(""),
                    AuditEvent.Outcome.valueOf(fields.text("outcome").toUpperCase(Locale.ROOT)),
                    details(fields, root.get("details")), fields.optionalText("impersonator"));
        } catch (IllegalArgumentException e) {
            throw new CorruptFileException("has " + what + " that is not valid: " + e.getMessage()
                    + " Fix that line by hand", e);
        }
    }

    /**
     * The id of a line written before events had ids: a digest of the line, so it is the same on
     * every read and a copy of this log into another store can be repeated without duplicates.
     */
    static String derivedId(String line) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(line.strip().getBytes(StandardCharsets.UTF_8));
            return "line-" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
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
