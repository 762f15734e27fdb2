package dev.gatehouse.http.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.gatehouse.http.web.RequestIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object a line for log shippers:
 * {@code {"time":"…Z","level":"INFO","logger":"…","thread":"…","message":"…","request_id":"…"}},
 * then the event's key-value pairs (the access log's {@code method}, {@code status}, …) as fields
 * of their own, and {@code "error"} with the stack trace. Logback's own JsonEncoder writes epoch
 * milliseconds, the unformatted message beside its arguments and the context's properties: more
 * to ship and less to read.
 */
public final class JsonLines extends EncoderBase<ILoggingEvent> {

    private static final byte[] NOTHING = new byte[0];
    private static final Set<String> OWN = Set.of("time", "level", "logger", "thread", "message", "error");

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(256).append('{');
        field(out, "time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        field(out, "level", event.getLevel().toString());
        field(out, "logger", event.getLoggerName());
        field(out, "thread", event.getThreadName());
        field(out, "message", event.getFormattedMessage());
        Map<String, String> mdc = event.getMDCPropertyMap();
        Set<String> written = mdc.isEmpty() && event.getKeyValuePairs() == null ? OWN : new HashSet<>(OWN);
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
            if (written.add(entry.getKey())) {
                field(out, entry.getKey(), entry.getValue());
            }
        }
        if (!mdc.containsKey(RequestIds.MDC_KEY)) {
            String id = RequestIdConverter.of(event);
            if (!id.isEmpty()) {
                field(out, RequestIds.MDC_KEY, id);
            }
        }
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                if (pair.key != null && written.add(pair.key)) {
                    value(out, pair.key, pair.value);
                }
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            field(out, "error", ThrowableProxyUtil.asString(thrown));
        }
        out.setCharAt(out.length() - 1, '}');
        return out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Numbers and booleans as themselves, anything else as a string. */
    private static void value(StringBuilder out, String name, Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            string(out, name);
            out.append(':').append(value).append(',');
        } else {
            field(out, name, value == null ? null : value.toString());
        }
    }

    private static void field(StringBuilder out, String name, String value) {
        string(out, name);
        out.append(':');
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
        out.append(',');
    }

    /** A JSON string: quotes, backslashes and every control character escaped, so a line stays one line. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
