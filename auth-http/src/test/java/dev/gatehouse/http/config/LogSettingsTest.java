package dev.gatehouse.http.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How GATEHOUSE_LOG_LEVEL, GATEHOUSE_LOG_FORMAT and GATEHOUSE_ACCESS_LOG are read. */
class LogSettingsTest {

    @Test
    void aLevelForEverythingThenLevelsForNamedLoggers() {
        LogSettings settings = LogSettings.parse(" WARN , dev.gatehouse=debug,com.zaxxer.hikari = error", "JSON", "yes");

        assertEquals(Map.of("", "warn", "dev.gatehouse", "debug", "com.zaxxer.hikari", "error"), settings.levels());
        assertEquals(LogSettings.Format.JSON, settings.format());
        assertTrue(settings.accessLog());
    }

    @Test
    void nothingGivenIsInfoAsTextWithoutTheAccessLog() {
        LogSettings settings = LogSettings.fromEnvironment(Map.of());

        assertEquals(Map.of("", "info"), settings.levels());
        assertEquals(LogSettings.Format.TEXT, settings.format());
        assertFalse(settings.accessLog());
        assertEquals("info", LogSettings.parse("dev.gatehouse=debug", null, null).rootLevel());
    }

    @Test
    void anUnknownLevelABadLoggerNameOrTwoLevelsForEverythingAreRefusedSayingWhatWouldDo() {
        IllegalArgumentException level = assertThrows(IllegalArgumentException.class, () -> LogSettings.parseLevels("verbose"));
        assertTrue(level.getMessage().contains("trace, debug, info, warn, error, off")
                && level.getMessage().contains("info,dev.gatehouse=debug"), level.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> LogSettings.parseLevels("info,dev gatehouse=debug"));
        assertTrue(name.getMessage().contains("LOGGER=LEVEL"), name.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LogSettings.parseLevels("info,debug"));
        assertThrows(IllegalArgumentException.class, () -> LogSettings.parseLevels("=debug"));
        assertThrows(IllegalArgumentException.class, () -> LogSettings.parse(null, "xml", null));
        assertThrows(IllegalArgumentException.class, () -> LogSettings.parse(null, null, "sometimes"));
    }
}
