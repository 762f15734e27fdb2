package dev.gatehouse.http.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the server logs and how: a level for everything and levels for single loggers
 * ({@code GATEHOUSE_LOG_LEVEL}, e.g. {@code info,dev.gatehouse=debug,com.zaxxer.hikari=warn}),
 * readable text or JSON lines ({@code GATEHOUSE_LOG_FORMAT}), and whether each request gets an
 * access log line ({@code GATEHOUSE_ACCESS_LOG}).
 *
 * @param levels logger name to level; the key {@code ""} is every logger not named
 */
public record LogSettings(Map<String, String> levels, Format format, boolean accessLog) {

    /** The levels a logger may have, quietest last. */
    public static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    /** The logger that writes the access log: one line per request when it is on. */
    public static final String ACCESS_LOGGER = "gatehouse.access";

    private static final Pattern LOGGER_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    /** How each event is written. */
    public enum Format {
        /** One readable line: time, level, logger, message, request id. */
        TEXT,
        /** One JSON object a line, for log shippers. */
        JSON;

        /** {@code text} or {@code json}. */
        public static Format parse(String text) {
            String given = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return switch (given) {
                case "", "text" -> TEXT;
                case "json" -> JSON;
                default -> throw new IllegalArgumentException("The log format must be text or json, not '" + text + "'.");
            };
        }
    }

    public LogSettings {
        levels = Map.copyOf(Objects.requireNonNull(levels, "levels"));
        format = format == null ? Format.TEXT : format;
    }

    /** Info for everything, readable lines, no access log. */
    public static LogSettings defaults() {
        return new LogSettings(Map.of("", "info"), Format.TEXT, false);
    }

    /** Reads the three settings as given on the command line or in the environment (null: the default). */
    public static LogSettings parse(String levels, String format, String accessLog) {
        return new LogSettings(parseLevels(levels), Format.parse(format), parseSwitch(accessLog));
    }

    /** {@code GATEHOUSE_LOG_LEVEL}, {@code GATEHOUSE_LOG_FORMAT} and {@code GATEHOUSE_ACCESS_LOG}. */
    public static LogSettings fromEnvironment(Map<String, String> environment) {
        return parse(environment.get("GATEHOUSE_LOG_LEVEL"), environment.get("GATEHOUSE_LOG_FORMAT"),
                environment.get("GATEHOUSE_ACCESS_LOG"));
    }

    /**
     * {@code LEVEL}, {@code LOGGER=LEVEL} or both, comma-separated: a bare level is every logger's,
     * a named logger's level covers the loggers under it. Left out or blank: {@code info}.
     */
    public static Map<String, String> parseLevels(String text) {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("", "info");
        if (text == null || text.isBlank()) {
            return levels;
        }
        boolean rootGiven = false;
        for (String part : text.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String logger = equals < 0 ? "" : entry.substring(0, equals).strip();
            String level = (equals < 0 ? entry : entry.substring(equals + 1)).strip().toLowerCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                throw new IllegalArgumentException("The log level '" + level + "' in '" + text + "' is none of "
                        + String.join(", ", LEVELS) + "; write e.g. info,dev.gatehouse=debug,com.zaxxer.hikari=warn.");
            }
            if (equals >= 0 && !LOGGER_NAME.matcher(logger).matches()) {
                throw new IllegalArgumentException("'" + logger + "' in '" + text + "' is not a logger name such as"
                        + " dev.gatehouse or com.zaxxer.hikari; write LOGGER=LEVEL.");
            }
            if (equals < 0 && rootGiven) {
                throw new IllegalArgumentException("'" + text + "' gives two levels for every logger; give one, and"
                        + " LOGGER=LEVEL for single loggers.");
            }
            rootGiven |= equals < 0;
            levels.put(logger, level);
        }
        return levels;
    }

    /** The access log switch: true/false, yes/no, on/off, 1/0; left out: off. */
    public static boolean parseSwitch(String text) {
        String given = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (given) {
            case "true", "yes", "on", "1" -> true;
            case "", "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("GATEHOUSE_ACCESS_LOG must be true or false, not '" + text + "'.");
        };
    }

    /** The level for every logger not named. */
    public String rootLevel() {
        return levels.getOrDefault("", "info");
    }
}
