package dev.gatehouse.core.model.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** "Since when" reads a duration back from now, a date in the given zone, or an instant. */
class StartTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void durationsDatesAndInstantsMeanWhatPeopleExpect() {
        assertEquals(Instant.parse("2026-11-18T12:00:00Z"), StartTime.parse("7d", NOW, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-25T11:30:00Z"), StartTime.parse(" 30m ", NOW, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), StartTime.parse("2026-11-01", NOW, ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"), StartTime.parse("2026-11-01", NOW, ZoneId.of("Europe/Berlin")));
        assertEquals(Instant.parse("2026-11-01T08:00:00Z"), StartTime.parse("2026-11-01T08:00:00Z", NOW, ZoneOffset.UTC));
    }

    @Test
    void anythingElseIsRefusedNamingTheForms() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> StartTime.parse("last tuesday", NOW, ZoneOffset.UTC));
        assertTrue(refused.getMessage().startsWith("'last tuesday' is not a duration back from now"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StartTime.parse("", NOW, ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class, () -> StartTime.parse(null, NOW, ZoneOffset.UTC));
    }
}
