package dev.gatehouse.http.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A header value of the form {@code type; key=value; key="quoted"} (Content-Type,
 * Content-Disposition), read the way Go's {@code mime.ParseMediaType} reads it: keys in any case,
 * spaces around {@code =}, quoted values with backslash escapes. {@code clean} is false when the
 * value has anything a server may read differently: a parameter given twice, an RFC 2231 form
 * ({@code key*}), or text that is not a parameter at all.
 */
public record MediaParams(String type, Map<String, List<String>> params, boolean clean) {

    private static final String SPECIALS = "()<>@,;:\\\"/[]?=";

    /** The values of {@code key} (lower case), in order. */
    public List<String> all(String key) {
        return params.getOrDefault(key, List.of());
    }

    public static MediaParams parse(String value) {
        String text = value == null ? "" : value;
        int semicolon = text.indexOf(';');
        String type = (semicolon < 0 ? text : text.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        Map<String, List<String>> params = new LinkedHashMap<>();
        boolean clean = true;
        int at = semicolon < 0 ? text.length() : semicolon;
        while (at < text.length()) {
            at = skipSpace(text, at);
            if (at >= text.length()) {
                break;
            }
            if (text.charAt(at) != ';') {
                clean = false;
                break;
            }
            at = skipSpace(text, at + 1);
            if (at >= text.length()) {
                break; // a trailing semicolon
            }
            int keyEnd = token(text, at);
            String key = text.substring(at, keyEnd).toLowerCase(Locale.ROOT);
            at = skipSpace(text, keyEnd);
            if (key.isEmpty() || at >= text.length() || text.charAt(at) != '=') {
                clean = false;
                break;
            }
            at = skipSpace(text, at + 1);
            String parsed;
            if (at < text.length() && text.charAt(at) == '"') {
                StringBuilder quoted = new StringBuilder();
                int i = at + 1;
                boolean closed = false;
                for (; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\' && i + 1 < text.length()) {
                        // Go unescapes only special characters; others keep the backslash. Either reading
                        // is possible elsewhere, so an escape makes the value unclean.
                        clean = false;
                        quoted.append(text.charAt(++i));
                        continue;
                    }
                    if (c == '\r' || c == '\n') {
                        break;
                    }
                    quoted.append(c);
                }
                if (!closed) {
                    clean = false;
                    break;
                }
                parsed = quoted.toString();
                at = i + 1;
            } else {
                int end = token(text, at);
                parsed = text.substring(at, end);
                if (parsed.isEmpty()) {
                    clean = false;
                    break;
                }
                at = end;
            }
            if (key.contains("*") || params.containsKey(key)) {
                clean = false;
            }
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(parsed);
        }
        return new MediaParams(type, params, clean);
    }

    private static int skipSpace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static int token(String text, int at) {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c <= 0x20 || c >= 0x7f || SPECIALS.indexOf(c) >= 0) {
                break;
            }
            at++;
        }
        return at;
    }
}
