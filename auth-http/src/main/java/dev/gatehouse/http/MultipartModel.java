package dev.gatehouse.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code model} fields of a multipart form, read part by part between the boundaries (text
 * inside a file part is never taken for a field), with the field name as servers read it: quoted,
 * bare or RFC 2231 encoded ({@code name*=utf-8''model}).
 */
final class MultipartModel {

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]+)\"|[^;\\s]+)");
    private static final Pattern PARAM = Pattern.compile(";\\s*([^=;\\s]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^;\\s]*)");

    private MultipartModel() {
    }

    static List<String> fields(byte[] body, String contentType) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return List.of();
        }
        String delimiter = "--" + (boundary.group(2) != null ? boundary.group(2) : boundary.group(1));
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<String> models = new ArrayList<>();
        int at = text.startsWith(delimiter) ? 0 : text.indexOf("\n" + delimiter);
        while (at >= 0) {
            int lineStart = at + (text.charAt(at) == '\n' ? 1 : 0);
            // A closing delimiter does not stop the reading: a look-alike of one inside a file must not
            // hide the fields after it, and text after the real one only adds models to check.
            int partStart = text.indexOf('\n', lineStart);
            if (partStart < 0) {
                break;
            }
            int next = text.indexOf("\n" + delimiter, partStart);
            String part = text.substring(partStart + 1, next < 0 ? text.length() : next);
            model(part).ifPresent(models::add);
            at = next;
        }
        return models;
    }

    /** The part's value if it is a field named model. */
    private static Optional<String> model(String part) {
        int split = part.indexOf("\r\n\r\n");
        int gap = 4;
        if (split < 0 || part.indexOf("\n\n") >= 0 && part.indexOf("\n\n") < split) {
            split = part.indexOf("\n\n");
            gap = 2;
        }
        if (split < 0) {
            return Optional.empty();
        }
        boolean named = false;
        String encoding = "";
        for (String line : part.substring(0, split).split("\r?\n")) {
            int colon = line.indexOf(':');
            String header = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (header.equals("content-disposition")) {
                named = "model".equals(name(line.substring(colon + 1)));
            } else if (header.equals("content-transfer-encoding")) {
                encoding = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            }
        }
        if (!named) {
            return Optional.empty();
        }
        if (!encoding.isEmpty() && !List.of("7bit", "8bit", "binary").contains(encoding)) {
            throw new IllegalArgumentException("The multipart model field is sent with Content-Transfer-Encoding '"
                    + encoding + "', so its model cannot be checked; send it as plain text.");
        }
        String value = part.substring(split + gap);
        value = value.endsWith("\r") ? value.substring(0, value.length() - 1) : value;
        String model = new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
        return model.isEmpty() ? Optional.empty() : Optional.of(model);
    }

    /** The {@code name} (or {@code name*}) parameter of a Content-Disposition value. */
    private static String name(String disposition) {
        Matcher params = PARAM.matcher(disposition);
        String name = null;
        while (params.find()) {
            String key = params.group(1).toLowerCase(Locale.ROOT);
            String value = params.group(3) != null ? params.group(3).replaceAll("\\\\(.)", "$1") : params.group(2);
            if (key.equals("name*")) {
                int quote = value.indexOf('\'', value.indexOf('\'') + 1);
                try {
                    return URLDecoder.decode(value.substring(quote + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    return value;
                }
            }
            if (key.equals("name")) {
                name = value;
            }
        }
        return name;
    }
}
