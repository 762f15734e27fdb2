package dev.gatehouse.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the fields of one JSON object of a store file, saying exactly which entry and field is
 * wrong when one is: "has the user "bob" whose "created" is "yesterday" (text); it must be ...".
 */
final class Fields {

    private final ObjectNode node;
    private final String what;

    /** {@code what} names the object in messages, e.g. {@code the user "bob"}. */
    Fields(ObjectNode node, String what) {
        this.node = node;
        this.what = what;
    }

    static ObjectNode object(JsonNode node, String what) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new CorruptFileException("has " + what + " that is " + Json.describe(node)
                + ", not an object of fields");
    }

    Optional<JsonNode> optional(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    Optional<String> optionalText(String field) {
        return optional(field).map(value -> {
            if (!value.isTextual()) {
                throw wrong(field, value, "text");
            }
            return value.textValue();
        });
    }

    String text(String field) {
        return optionalText(field).orElseThrow(() -> missing(field, "text"));
    }

    /** Epoch seconds, int or float, as llms.py writes times. */
    Optional<Instant> optionalSeconds(String field) {
        return optional(field).map(value -> {
            if (!value.isNumber()) {
                throw wrong(field, value, "a number of seconds since 1970");
            }
            try {
                return Json.fromSeconds(value.decimalValue());
            } catch (ArithmeticException | DateTimeException e) {
                throw wrong(field, value, "a number of seconds since 1970 within the years -1000000000 to 1000000000");
            }
        });
    }

    Instant seconds(String field) {
        return optionalSeconds(field).orElseThrow(() -> missing(field, "a number of seconds since 1970"));
    }

    /** An ISO-8601 instant such as 2025-03-15T10:30:00.123Z, as Gatehouse's own files hold times. */
    Instant isoInstant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw wrong(field, node.get(field), "an ISO-8601 instant such as 2025-03-15T10:30:00.123Z");
        }
    }

    Optional<Instant> optionalIsoInstant(String field) {
        return optional(field).isPresent() ? Optional.of(isoInstant(field)) : Optional.empty();
    }

    /** An array of text, or nothing when the field is absent. */
    java.util.List<String> textList(String field) {
        Optional<JsonNode> array = optional(field);
        if (array.isEmpty()) {
            return java.util.List.of();
        }
        if (!array.get().isArray()) {
            throw wrong(field, array.get(), "an array of text");
        }
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (JsonNode element : array.get()) {
            if (!element.isTextual()) {
                throw wrong(field, array.get(), "an array of text");
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    CorruptFileException wrong(String field, JsonNode value, String expected) {
        return new CorruptFileException("has " + what + " whose \"" + field + "\" is " + Json.describe(value)
                + "; it must be " + expected);
    }

    private CorruptFileException missing(String field, String expected) {
        return new CorruptFileException("has " + what + " without \"" + field + "\"; add it (" + expected + ")");
    }
}
