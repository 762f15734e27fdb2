package dev.gatehouse.http.forwardauth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gatehouse.http.web.MediaParams;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads every model a proxied request names, wherever an AI server reads one: the {@code model}
 * (or ElevenLabs' {@code model_id}) query parameters, and those fields of its body, read in every
 * way a server may read that body: as JSON whenever it looks like JSON, whatever its label
 * (llama-swap and Ollama read JSON whatever the Content-Type says); as a URL-encoded form or a
 * multipart form when it is labelled so. Every model found is returned, not the first: servers
 * disagree on which of two they use (Go's JSON takes the last key and matches {@code MODEL} as
 * {@code model}, Go's forms the first), so a request passes only if all of them may be used. A
 * body that may name a model we cannot read with certainty (XML, a JSON look-alike that is not
 * JSON, a multipart spelling servers read differently) is {@link Named#uncertain() uncertain}.
 * The path's {@code {model}} is {@link RouteMap}'s to find.
 */
@Singleton
class RequestModel {

    /** The field names AI servers read a model from: OpenAI's {@code model}, ElevenLabs' {@code model_id}. */
    static final Set<String> FIELDS = Set.of("model", "model_id");

    private static final JsonFactory JSON = new JsonFactory();

    /** What a request names: the models found, and whether it may name one that could not be read. */
    record Named(List<String> models, boolean uncertain) {
        static final Named NONE = new Named(List.of(), false);
        static final Named UNCERTAIN = new Named(List.of(), true);

        Named {
            models = List.copyOf(models);
        }

        Named and(Named other) {
            List<String> all = new ArrayList<>(models);
            all.addAll(other.models);
            return new Named(all, uncertain || other.uncertain);
        }
    }

    /** True for a field name a server reads the model from, in any case (as Go's JSON and Echo's forms match). */
    static boolean isModelField(String name) {
        return name != null && FIELDS.contains(name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
    }

    /** The model query parameters of {@code uri} (a path with an optional query). */
    static List<String> fromQuery(String uri) {
        int question = uri.indexOf('?');
        return question < 0 ? List.of() : formFields(uri.substring(question + 1));
    }

    /**
     * What a body of {@code contentType} names. Throws {@link IllegalArgumentException} when a body
     * labelled JSON cannot be read as JSON or names a model that is not text, and when a form's
     * model field cannot be decoded: what it names cannot be checked.
     */
    Named fromBody(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return Named.NONE;
        }
        String type = MediaParams.parse(contentType).type();
        Named named = Named.NONE;
        boolean labelledJson = type.contains("json");
        if (stillCompressed(body)) {
            // A gzip stream the proxy did not say it sent (or sent twice over): a server that decompresses
            // reads a model in it we never saw.
            return Named.UNCERTAIN;
        }
        if (wideJson(body)) {
            // UTF-16 or UTF-32: Go's JSON refuses it, byte-wise readers (llama-swap's) may find another model in it.
            if (labelledJson) {
                throw new IllegalArgumentException("The forwarded body is JSON in UTF-16 or UTF-32, which AI servers"
                        + " read differently, so its model cannot be checked; send it as UTF-8.");
            }
            return Named.UNCERTAIN;
        }
        int start = firstSignificant(body);
        boolean looksJson = start < body.length && (body[start] == '{' || body[start] == '[');
        if (labelledJson || looksJson) {
            try {
                named = named.and(jsonFields(body));
            } catch (IOException notJson) {
                if (labelledJson) {
                    throw new IllegalArgumentException("The forwarded body says it is JSON but cannot be read as JSON,"
                            + " so its model cannot be checked; send valid JSON.");
                }
                // Lenient readers (llama-swap's) find a model in broken JSON too; we cannot say which.
                named = named.and(Named.UNCERTAIN);
            }
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            named = named.and(new Named(formFields(new String(body, StandardCharsets.UTF_8)), false));
        } else if (type.startsWith("multipart/")) {
            named = named.and(MultipartModel.fields(body, contentType));
        } else if (type.contains("xml") || start < body.length && body[start] == '<') {
            named = named.and(Named.UNCERTAIN); // Echo (LocalAI) binds XML bodies; we do not read them
        }
        return named;
    }

    /** True when the body starts as a gzip stream does. */
    private static boolean stillCompressed(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    /**
     * True when the body looks like JSON in UTF-16 or UTF-32 (as Jackson would detect and read it): a
     * byte order mark of one, or a zero byte among the first four, and a {@code {} or {@code [} first
     * among the bytes that are neither zero nor white space.
     */
    private static boolean wideJson(byte[] body) {
        boolean bom = body.length >= 2 && ((body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff
                || (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe);
        boolean zero = false;
        for (int i = 0; i < Math.min(4, body.length); i++) {
            zero |= body[i] == 0;
        }
        if (!bom && !zero) {
            return false;
        }
        for (int i = bom ? 2 : 0; i < body.length; i++) {
            int b = body[i] & 0xff;
            if (b != 0 && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** The first byte after a byte order mark and white space (JSON's or not). */
    private static int firstSignificant(byte[] body) {
        int at = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf
                ? 3 : 0;
        while (at < body.length && (body[at] == ' ' || body[at] == '\t' || body[at] == '\r' || body[at] == '\n'
                || body[at] == '\f' || body[at] == 0x0b)) {
            at++;
        }
        return at;
    }

    /**
     * Every top-level model key (any case) of every JSON value in the body. More than one value
     * (Go's decoder reads the first and ignores the rest, others refuse) is uncertain.
     */
    private static Named jsonFields(byte[] body) throws IOException {
        List<String> models = new ArrayList<>();
        int values = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                values++;
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean model = isModelField(parser.currentName());
                    JsonToken value = parser.nextToken();
                    if (model && value == JsonToken.VALUE_STRING) {
                        models.add(parser.getText());
                    } else if (model && value != JsonToken.VALUE_NULL) {
                        throw new IllegalArgumentException("The forwarded body's \"" + parser.currentName()
                                + "\" must be a string naming one model, not " + value.asString()
                                + "...; send \"model\": \"NAME\".");
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }
        return new Named(models, values > 1);
    }

    /**
     * Every model field (its name decoded, as servers decode it, in any case) of a query or form.
     * Pairs are split at {@code ;} as well as {@code &}, as some servers split them.
     */
    static List<String> formFields(String query) {
        List<String> models = new ArrayList<>();
        for (String pair : query.split("[&;]")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (isModelField(name) && equals > 0) {
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
