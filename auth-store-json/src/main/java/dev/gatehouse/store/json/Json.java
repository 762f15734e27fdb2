package dev.gatehouse.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;

/** How Gatehouse reads and writes JSON so that files look and round-trip as Python's json module has them. */
final class Json {

    /**
     * Floats are read as exact decimals (a double would turn 1742034600.123 into ...122.99) and
     * keep their written form, so fields Gatehouse does not change are written back unchanged.
     * Duplicate keys are an error rather than "last one wins", which would hide a bad hand edit.
     */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** Python's {@code json.dump(obj, f, indent=2)}: 2 spaces, {@code "key": value}, {@code []}, ASCII only. */
    static final ObjectWriter PYTHON_STYLE = MAPPER.writer(pythonPrinter())
            .with(JsonWriteFeature.ESCAPE_NON_ASCII);

    /** One compact line, for the audit log. */
    static final ObjectWriter ONE_LINE = MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

    private Json() {
    }

    private static DefaultPrettyPrinter pythonPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /** Parses a whole file; a blank file is {@code null} (llms.py's empty store). */
    static JsonNode parse(byte[] bytes) {
        if (isBlank(bytes)) {
            return null;
        }
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new CorruptFileException(notJson(e), e);
        } catch (IOException e) {
            throw new CorruptFileException("could not be parsed: " + e.getMessage(), e);
        }
    }

    /** The file's top-level object; anything else is a corrupt file whose message ends with {@code mustBe}. */
    static ObjectNode topObject(JsonNode root, String mustBe) {
        if (root instanceof ObjectNode object) {
            return object;
        }
        throw new CorruptFileException("holds " + describe(root) + " at the top level; " + mustBe);
    }

    /** {@code root} as a whole file in {@link #PYTHON_STYLE}. */
    static byte[] pythonStyle(JsonNode root) {
        try {
            return PYTHON_STYLE.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String notJson(JsonProcessingException e) {
        String detail = e.getOriginalMessage();
        // Jackson appends source excerpts and markers that only repeat the location.
        int cut = detail.indexOf('\n');
        detail = cut < 0 ? detail : detail.substring(0, cut);
        cut = detail.indexOf(" (start marker at");
        detail = cut < 0 ? detail : detail.substring(0, cut);
        return e.getLocation() == null ? "is not valid JSON: " + detail
                : "is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ": " + detail;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Epoch seconds with millisecond precision, as a float Python reads back (1742034600.123, 1742034600.0). */
    static BigDecimal seconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
        return seconds.scale() < 1 ? seconds.setScale(1) : seconds;
    }

    /** Epoch seconds (any int or float) truncated to the millisecond; throws if out of an Instant's range. */
    static Instant fromSeconds(BigDecimal seconds) throws ArithmeticException, DateTimeException {
        long millis = seconds.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact();
        return Instant.ofEpochMilli(millis);
    }

    /** A short description of a node for error messages: {@code "yesterday" (text)}, {@code an array}. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        String type = switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
        if (node.isContainerNode()) {
            return type;
        }
        String text = node.toString();
        return (text.length() > 40 ? text.substring(0, 37) + "..." : text) + " (" + type + ")";
    }
}
