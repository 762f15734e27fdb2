package dev.gatehouse.http.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.gatehouse.core.model.accounts.Password;
import dev.gatehouse.core.model.accounts.Username;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A request body read as one JSON object, field by field. Every missing or wrong-typed field is a
 * {@code 400 bad_request} naming the field and showing the expected shape, never a binding error or a 500.
 */
public final class JsonBody {

    private final JsonNode object;
    private final String example;

    private JsonBody(JsonNode object, String example) {
        this.object = object;
        this.example = example;
    }

    /** A string that must be there. */
    public String text(String field) {
        return optionalText(field).orElseThrow(() -> wrong("The field '" + field + "' is missing."));
    }

    /** A string that may be left out (or null). */
    public Optional<String> optionalText(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw wrong("The field '" + field + "' must be a string, not " + kind(value) + ".");
        }
        return Optional.of(value.getStringValue());
    }

    /** A list of strings that may be left out (or null), then empty. */
    public java.util.List<String> optionalTexts(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return java.util.List.of();
        }
        if (!value.isArray()) {
            throw wrong("The field '" + field + "' must be a list of strings, not " + kind(value) + ".");
        }
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isString()) {
                throw wrong("Every entry of '" + field + "' must be a string, not " + kind(item) + ".");
            }
            texts.add(item.getStringValue());
        }
        return texts;
    }

    /** A whole number that may be left out (or null, or blank); digits in a string count, as forms send them. */
    public Optional<Integer> optionalWholeNumber(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull() || value.isString() && value.getStringValue().isBlank()) {
            return Optional.empty();
        }
        if (value.isNumber() && value.getNumberValue().doubleValue() == Math.rint(value.getNumberValue().doubleValue())) {
            return Optional.of(value.getNumberValue().intValue());
        }
        if (value.isString() && value.getStringValue().strip().matches("-?\\d{1,9}")) {
            return Optional.of(Integer.parseInt(value.getStringValue().strip()));
        }
        throw wrong("The field '" + field + "' must be a whole number.");
    }

    /** A boolean that may be left out, then false. */
    public boolean flag(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw wrong("The field '" + field + "' must be true or false, not " + kind(value) + ".");
        }
        return value.getBooleanValue();
    }

    /** A password that must be there; too long or half a character is the client's to fix. */
    public Password password(String field) {
        String text = text(field);
        try {
            return Password.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The field '" + field + "': " + e.getMessage());
        }
    }

    /** A username that must be there and be valid. */
    public Username username(String field) {
        String text = text(field);
        try {
            return Username.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiErrorException.badRequest("The field '" + field + "': " + e.getMessage());
        }
    }

    private ApiErrorException wrong(String what) {
        return ApiErrorException.badRequest(what + " Send JSON like " + example + ".");
    }

    private static String kind(JsonNode value) {
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "true or false";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isObject() ? "an object" : "a string";
    }

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * The first field named twice in one object of {@code body}, at any depth: the mapper keeps the
     * last, other readers the first, so such a body is refused rather than read one way.
     */
    static Optional<String> duplicateField(String body) {
        try (JsonParser parser = STRICT.createParser(body)) {
            while (parser.nextToken() != null) {
                // reading every token is the check
            }
            return Optional.empty();
        } catch (JsonParseException duplicate) {
            String message = String.valueOf(duplicate.getOriginalMessage());
            int open = message.indexOf('\'');
            int close = message.indexOf('\'', open + 1);
            return message.startsWith("Duplicate field") && open >= 0 && close > open
                    ? Optional.of(message.substring(open + 1, close)) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty(); // the mapper has read it already; nothing more to find
        }
    }

    /** Reads bodies with the server's JSON mapper. */
    @Singleton
    public static class Reader {

        private final ObjectMapper json;

        Reader(ObjectMapper json) {
            this.json = json;
        }

        /** The body, which must be a JSON object; {@code example} shows the client what to send. */
        public JsonBody read(@Nullable String body, String example) {
            if (body == null || body.isBlank()) {
                throw ApiErrorException.badRequest("The request has no body. Send JSON like " + example + ".");
            }
            JsonNode tree;
            try {
                tree = json.readValue(body, JsonNode.class);
            } catch (IOException | RuntimeException e) {
                throw ApiErrorException.badRequest("The body is not valid JSON. Send JSON like " + example + ".");
            }
            if (tree == null || !tree.isObject()) {
                throw ApiErrorException.badRequest("The body must be a JSON object. Send JSON like " + example + ".");
            }
            duplicateField(body).ifPresent(field -> {
                throw ApiErrorException.badRequest("The field '" + field + "' is sent more than once; parsers disagree"
                        + " on which one counts, so send it once. Send JSON like " + example + ".");
            });
            return new JsonBody(tree, example);
        }

        /** Like {@link #read}, but no body at all reads as an empty object: for requests whose fields are all optional. */
        public JsonBody readOptional(@Nullable String body, String example) {
            return body == null || body.isBlank() ? new JsonBody(JsonNode.createObjectNode(Map.of()), example)
                    : read(body, example);
        }
    }
}
