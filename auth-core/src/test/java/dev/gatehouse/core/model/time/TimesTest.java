package dev.gatehouse.core.model.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void timesReadAsHowLongAgoTheSameOnEveryScreen() {
        assertEquals("just now", Times.ago(Duration.ofSeconds(59)));
        assertEquals("1 minute ago", Times.ago(Duration.ofSeconds(60)));
        assertEquals("3 hours ago", Times.ago(Duration.ofMinutes(200)));
        assertEquals("1 day ago", Times.ago(Duration.ofHours(30)));
        assertEquals("4 months ago", Times.ago(Duration.ofDays(125)));
        assertEquals("2 years ago", Times.ago(Duration.ofDays(800)));
        assertEquals("in 5 minutes", Times.ago(Duration.ofMinutes(-5)));
        assertEquals("just now", Times.ago(Duration.ofSeconds(-30)));
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        assertEquals(Instant.parse("2026-01-10T09:00:00.123Z"), Times.truncate(Instant.parse("2026-01-10T09:00:00.123456789Z")));
    }
}
