package dev.gatehouse.store.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit details column: a flat JSON object of strings ({@code {"reason":"On vacation"}}).
 * Small enough to write by hand, which keeps a JSON library off the store's classpath.
 */
final class DetailsJson {

    private DetailsJson() {
    }

    static String write(Map<String, String> details) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> entry : new TreeMap<>(details).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, entry.getKey());
            json.append(':');
            quote(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    static Map<String, String> read(String json) {
        Reader reader = new Reader(json);
        Map<String, String> details = new LinkedHashMap<>();
        reader.expect('{');
        if (reader.peek() == '}') {
            reader.expect('}');
        } else {
            do {
                String key = reader.string();
                reader.expect(':');
                details.put(key, reader.string());
            } while (reader.comma());
            reader.expect('}');
        }
        reader.end();
        return details;
    }

    /** A cursor over the text; any surprise is an IllegalArgumentException naming where. */
    private static final class Reader {
        private final String json;
        private int at;

        Reader(String json) {
            this.json = json;
        }

        char peek() {
            skipSpace();
            if (at >= json.length()) {
                throw broken("ends early");
            }
            return json.charAt(at);
        }

        void expect(char c) {
            if (peek() != c) {
                throw broken("expected '" + c + "'");
            }
            at++;
        }

        boolean comma() {
            if (peek() == ',') {
                at++;
                return true;
            }
            return false;
        }

        void end() {
            skipSpace();
            if (at != json.length()) {
                throw broken("has text after the object");
            }
        }

        String string() {
            expect('"');
            StringBuilder text = new StringBuilder();
            while (true) {
                if (at >= json.length()) {
                    throw broken("has an unterminated string");
                }
                char c = json.charAt(at++);
                if (c == '"') {
                    return text.toString();
                }
                if (c != '\\') {
                    text.append(c);
                    continue;
                }
                if (at >= json.length()) {
                    throw broken("has an unterminated escape");
                }
                char e = json.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> text.append(e);
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'u' -> {
                        if (at + 4 > json.length()) {
                            throw broken("has a short \\u escape");
                        }
                        text.append((char) Integer.parseInt(json.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw broken("has an unknown escape \\" + e);
                }
            }
        }

        private void skipSpace() {
            while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException broken(String problem) {
            return new IllegalArgumentException("Audit details '" + json + "' " + problem + " at character " + at + ".");
        }
    }
}
