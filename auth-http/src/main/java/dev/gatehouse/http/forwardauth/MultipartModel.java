package dev.gatehouse.http.forwardauth;

import dev.gatehouse.http.web.MediaParams;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The model fields of a multipart form, read part by part between the boundaries (text inside a
 * file part is never taken for a field) with the headers read line by line as Go's
 * {@code mime/multipart} and {@code net/textproto} read them: header names in any case, lines
 * ending in CRLF or LF alone, padding after a boundary, a preamble before the first one, a field
 * name quoted, bare or RFC 2231 encoded ({@code name*=utf-8''model}). The body is split at every
 * line that starts with the boundary, more places than a server splits it, so no part a server
 * reads is missed; a part a server may read differently from us (a duplicated or folded header, a
 * name in pieces, a model field sent as a file or outside {@code form-data}, a Content-Type whose
 * boundary is unclear) makes the reading {@link RequestModel.Named#uncertain() uncertain}.
 */
final class MultipartModel {

    /** A header name as Go's textproto accepts it (RFC 7230 token characters). */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private MultipartModel() {
    }

    static RequestModel.Named fields(byte[] body, String contentType) {
        MediaParams type = MediaParams.parse(contentType);
        List<String> boundaries = type.all("boundary");
        if (!type.clean() || boundaries.size() != 1 || boundaries.get(0).isEmpty()) {
            return RequestModel.Named.UNCERTAIN;
        }
        String delimiter = "--" + boundaries.get(0);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<String> models = new ArrayList<>();
        boolean[] uncertain = {false};
        int at = text.startsWith(delimiter) ? 0 : indexOfLine(text, delimiter, 0);
        if (at < 0) {
            return RequestModel.Named.UNCERTAIN; // no part at all: whatever a server makes of it, we cannot say
        }
        while (at >= 0) {
            // A closing delimiter does not stop the reading: a look-alike of one inside a file must not
            // hide the fields after it, and text after the real one only adds models to check.
            int lineEnd = text.indexOf('\n', at);
            if (lineEnd < 0) {
                break;
            }
            int next = indexOfLine(text, delimiter, lineEnd + 1);
            int end = next < 0 ? text.length() : Math.max(lineEnd + 1, next - 1);
            part(text.substring(lineEnd + 1, end), models, uncertain);
            at = next;
        }
        return new RequestModel.Named(models, uncertain[0]);
    }

    /** The index of {@code delimiter} at the start of a line after {@code from}, or -1. */
    private static int indexOfLine(String text, String delimiter, int from) {
        int found = text.indexOf("\n" + delimiter, Math.max(0, from - 1));
        return found < 0 ? -1 : found + 1;
    }

    /** Reads one part: adds its value if it is a model field, and notes doubt. */
    private static void part(String part, List<String> models, boolean[] uncertain) {
        List<String> dispositions = new ArrayList<>();
        String encoding = "";
        int at = 0;
        boolean ended = false;
        while (at < part.length()) {
            int newline = part.indexOf('\n', at);
            String line = part.substring(at, newline < 0 ? part.length() : newline);
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            at = newline < 0 ? part.length() : newline + 1;
            if (line.isEmpty()) {
                ended = newline >= 0;
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                uncertain[0] = true; // a folded header: servers join it to the line before, or refuse it
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon);
            if (colon < 1 || !TOKEN.matcher(name).matches()) {
                // Go refuses the whole form; a lenient server may skip the line or trim the name.
                if (name.strip().equalsIgnoreCase("content-disposition")) {
                    uncertain[0] = true;
                    dispositions.add(line.substring(colon + 1).strip());
                }
                continue;
            }
            String value = line.substring(colon + 1).strip();
            switch (name.toLowerCase(Locale.ROOT)) {
                case "content-disposition" -> dispositions.add(value);
                case "content-transfer-encoding" -> encoding = value.toLowerCase(Locale.ROOT);
                default -> { }
            }
        }
        if (dispositions.isEmpty()) {
            return;
        }
        boolean named = false;
        for (String disposition : dispositions) {
            named |= namesModel(disposition, uncertain);
        }
        if (!named) {
            return;
        }
        if (dispositions.size() > 1 || !ended) {
            uncertain[0] = true; // Go reads the first Content-Disposition; others may read the last
        }
        if (!encoding.isEmpty() && !List.of("7bit", "8bit", "binary").contains(encoding)) {
            throw new IllegalArgumentException("The multipart model field is sent with Content-Transfer-Encoding '"
                    + encoding + "', so its model cannot be checked; send it as plain text.");
        }
        String value = part.substring(at);
        value = value.endsWith("\r") ? value.substring(0, value.length() - 1) : value;
        String model = new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
        if (!model.isEmpty()) {
            models.add(model);
        }
    }

    /**
     * True when a Content-Disposition names a model field in any spelling a server may read. A
     * model field a server may not read as one (not {@code form-data}, a file, a name in pieces or
     * given twice) is noted as doubt rather than ignored.
     */
    private static boolean namesModel(String disposition, boolean[] uncertain) {
        MediaParams params = MediaParams.parse(disposition);
        List<String> names = new ArrayList<>(params.all("name"));
        for (String key : params.params().keySet()) {
            if (key.startsWith("name*")) {
                String decoded = key.equals("name*") ? decode2231(params.all(key).get(0)) : null;
                if (decoded == null) {
                    uncertain[0] = true; // continuations (name*0, name*1) or an encoding we do not read
                } else {
                    names.add(decoded);
                }
            }
        }
        boolean model = names.stream().anyMatch(RequestModel::isModelField);
        if (model && (!params.clean() || names.stream().anyMatch(n -> !RequestModel.isModelField(n))
                || !params.type().equals("form-data")
                || params.params().keySet().stream().anyMatch(k -> k.startsWith("filename")))) {
            uncertain[0] = true;
        }
        return model;
    }

    /** {@code utf-8'lang'percent-encoded} (or us-ascii) as Go decodes it; null if it cannot be read. */
    private static String decode2231(String value) {
        String[] parts = value.split("'", 3);
        if (parts.length != 3 || !(parts[0].equalsIgnoreCase("utf-8") || parts[0].equalsIgnoreCase("us-ascii"))) {
            return null;
        }
        try {
            return URLDecoder.decode(parts[2].replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
    }
}
