package dev.gatehouse.http;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the model a proxied request names: the {@code model} query parameter, else the
 * {@code model} field of its body (JSON, a URL-encoded form or a multipart form, as audio
 * transcriptions send). The path's {@code {model}} is {@link RouteMap}'s to find.
 */
@Singleton
class RequestModel {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern MULTIPART_MODEL = Pattern.compile(
            "Content-Disposition:\\s*form-data;\\s*name=\"model\"[^\\r\\n]*\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([^\\r\\n]*)",
            Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json;

    RequestModel(ObjectMapper json) {
        this.json = json;
    }

    /** The {@code model} query parameter of {@code uri} (a path with an optional query), if any. */
    static Optional<String> fromQuery(String uri) {
        int question = uri.indexOf('?');
        if (question < 0) {
            return Optional.empty();
        }
        return formField(uri.substring(question + 1));
    }

    /** The {@code model} field of a body of {@code contentType}; empty when there is none or it cannot be read. */
    Optional<String> fromBody(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return formField(new String(body, StandardCharsets.UTF_8));
        }
        if (type.startsWith("multipart/form-data")) {
            Matcher model = MULTIPART_MODEL.matcher(new String(body, StandardCharsets.ISO_8859_1));
            return model.find() ? Optional.of(model.group(1).strip()).filter(m -> !m.isEmpty()) : Optional.empty();
        }
        try {
            JsonNode tree = json.readValue(body, JsonNode.class);
            JsonNode model = tree == null || !tree.isObject() ? null : tree.get("model");
            return model != null && model.isString() ? Optional.of(model.getStringValue()) : Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    private static Optional<String> formField(String query) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (name.equals("model") && equals > 0) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8))
                            .filter(m -> !m.isEmpty());
                } catch (IllegalArgumentException badEscape) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
