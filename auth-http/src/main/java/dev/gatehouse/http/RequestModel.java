package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads every model a proxied request names: each {@code model} query parameter, and each
 * {@code model} field of its body (JSON, a URL-encoded form or a multipart form, as audio
 * transcriptions send). Every one is returned, not the first: servers disagree on which of two
 * they use (Go's JSON takes the last key and matches {@code MODEL} as {@code model}, Go's forms
 * the first), so a request passes only if all of them may be used. The path's {@code {model}} is
 * {@link RouteMap}'s to find.
 */
@Singleton
class RequestModel {

    private static final JsonFactory JSON = new JsonFactory();

    /** The {@code model} query parameters of {@code uri} (a path with an optional query). */
    static List<String> fromQuery(String uri) {
        int question = uri.indexOf('?');
        return question < 0 ? List.of() : formFields(uri.substring(question + 1));
    }

    /**
     * The {@code model} fields of a body of {@code contentType}; none when it has none. Throws
     * {@link IllegalArgumentException} when a JSON body cannot be read or names a model that is not
     * text, and when a multipart model field is encoded: what it names cannot be checked.
     */
    List<String> fromBody(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return formFields(new String(body, StandardCharsets.UTF_8));
        }
        if (type.startsWith("multipart/")) {
            return MultipartModel.fields(body, contentType);
        }
        try {
            return jsonFields(body);
        } catch (IOException notJson) {
            if (type.contains("json")) {
                throw new IllegalArgumentException("The forwarded body says it is JSON but cannot be read as JSON,"
                        + " so its model cannot be checked; send valid JSON.");
            }
            return List.of(); // a body of another kind (audio, an image) names no model
        }
    }

    /** Every top-level key that is {@code model} in any case (as Go's encoding/json matches it). */
    private static List<String> jsonFields(byte[] body) throws IOException {
        List<String> models = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean model = parser.currentName().equalsIgnoreCase("model");
                JsonToken value = parser.nextToken();
                if (model && value == JsonToken.VALUE_STRING) {
                    models.add(parser.getText());
                } else if (model && value != JsonToken.VALUE_NULL) {
                    throw new IllegalArgumentException("The forwarded body's \"model\" must be a string naming"
                            + " one model, not " + value.asString() + "...; send \"model\": \"NAME\".");
                } else {
                    parser.skipChildren();
                }
            }
        }
        return models;
    }

    /** Every field named {@code model} (its name decoded, as servers decode it) of a query or form. */
    static List<String> formFields(String query) {
        List<String> models = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if ("model".equals(name) && equals > 0) {
                String value = decode(pair.substring(equals + 1));
                if (value == null) {
                    throw new IllegalArgumentException("The model field '" + pair + "' has a broken %-escape;"
                            + " encode it properly.");
                }
                if (!value.isEmpty()) {
                    models.add(value);
                }
            }
        }
        return models;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
    }
}
