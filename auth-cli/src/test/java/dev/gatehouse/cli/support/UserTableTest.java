package dev.gatehouse.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.core.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserTableTest {

    private static final Instant NOW = Instant.parse("2025-03-15T10:30:00Z");

    @ParameterizedTest
    @CsvSource({
        "0, just now",
        "59, just now",
        "60, 1 minute ago",
        "3599, 59 minutes ago",
        "3600, 1 hour ago",
        "86399, 23 hours ago",
        "86400, 1 day ago",
        "259200, 3 days ago",
        "2592000, 1 month ago",
        "31536000, 1 year ago",
        "-120, in 2 minutes"
    })
    void lastSignInsAreShownAsRelativeTime(long secondsAgo, String expected) {
        assertEquals(expected, Times.ago(NOW.minus(Duration.ofSeconds(secondsAgo)), NOW));
    }
}
