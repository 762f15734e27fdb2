package dev.gatehouse.core.service.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyGuessThrottleTest {

    private static final String GUESSER = "203.0.113.66";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final KeyGuessThrottle throttle = KeyGuessThrottle.defaults(clock);

    private Optional<Duration> waitFor(String address) {
        return throttle.wait(() -> address);
    }

    @Test
    void twentyWrongKeysAreFreeThenEveryKeyFromThatAddressWaitsLongerEachTime() {
        for (int i = 0; i < 20; i++) {
            assertTrue(waitFor(GUESSER).isEmpty(), "wrong key " + i + " is still looked up");
            throttle.wrongKey(GUESSER);
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), waitFor(GUESSER));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(waitFor(GUESSER).isEmpty());
        throttle.wrongKey(GUESSER);
        assertEquals(Optional.of(Duration.ofSeconds(2)), waitFor(GUESSER), "the wait doubles");
        assertTrue(waitFor("198.51.100.7").isEmpty(), "another address is not held back");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int i = 1; i <= 20; i++) {
            throttle.wrongKey("2001:db8:5:6::" + Integer.toHexString(i));
        }
        assertTrue(waitFor("2001:db8:5:6:1234::1").isPresent());
        assertTrue(waitFor("2001:db8:5:7::1").isEmpty());
    }

    @Test
    void whileNobodyGuessesTheAddressIsNotEvenWorkedOut() {
        AtomicInteger asked = new AtomicInteger();
        assertTrue(throttle.wait(() -> {
            asked.incrementAndGet();
            return GUESSER;
        }).isEmpty());
        assertEquals(0, asked.get(), "the fast path for good keys reads no address");
    }

    @Test
    void countsAreForgottenAfterAQuietHour() {
        for (int i = 0; i < 25; i++) {
            throttle.wrongKey(GUESSER);
        }
        clock.advance(Duration.ofMinutes(61));
        assertTrue(waitFor(GUESSER).isEmpty());
        assertEquals(0, throttle.size(), "forgotten counts take no memory");
    }

    @Test
    void memoryIsBoundedAndTheGuessersStayCountedLongest() {
        for (int i = 0; i < 25; i++) {
            throttle.wrongKey(GUESSER);
        }
        for (int i = 0; i < KeyGuessThrottle.MAX_ADDRESSES + 10; i++) {
            throttle.wrongKey("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertTrue(throttle.size() <= KeyGuessThrottle.MAX_ADDRESSES, "at most the bound: " + throttle.size());
        assertTrue(waitFor(GUESSER).isPresent(), "an address over its allowance is kept over those within theirs");
    }
}
