package dev.gatehouse.core.model.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyExpiryTest {

    private static final Instant NOW = Instant.parse("2025-03-15T10:30:00Z");

    @Test
    void durationsCountFromNow() {
        assertEquals(Optional.of(NOW.plus(Duration.ofDays(90))), KeyExpiry.parse("90d", NOW).at());
        assertEquals(Optional.of(NOW.plus(Duration.ofDays(365))), KeyExpiry.parse(" 1Y ", NOW).at());
        assertEquals(Optional.of(NOW.plus(Duration.ofHours(12))), KeyExpiry.parse("12h", NOW).at());
    }

    @Test
    void aDateMeansTheStartOfThatDayInUtc() {
        assertEquals(Optional.of(Instant.parse("2027-01-31T00:00:00Z")), KeyExpiry.parse("2027-01-31", NOW).at());
    }

    @Test
    void anInstantIsTakenAsWrittenInEitherCase() {
        Instant at = Instant.parse("2027-01-31T12:00:00Z");
        assertEquals(Optional.of(at), KeyExpiry.parse("2027-01-31T12:00:00Z", NOW).at());
        assertEquals(Optional.of(at), KeyExpiry.parse("2027-01-31t12:00:00z", NOW).at());
    }

    @Test
    void neverAndTheDefaultAreDifferentThings() {
        KeyExpiry never = KeyExpiry.parse("Never", NOW);
        assertTrue(never.never());
        assertEquals(Optional.empty(), never.at());
        assertFalse(KeyExpiry.byDefault().never());
        assertEquals(Optional.empty(), KeyExpiry.byDefault().at());
    }

    @Test
    void pastTimesAreLeftForTheMintingServiceToRefuse() {
        assertEquals(Optional.of(Instant.parse("2001-01-01T00:00:00Z")), KeyExpiry.parse("2001-01-01", NOW).at());
    }

    @Test
    void unreadableTextSaysWhichFormItLookedLikeAndNamesTheForms() {
        assertEquals(KeyExpiry.Unreadable.Kind.DATE, unreadable("2025-02-30").kind());
        assertEquals(KeyExpiry.Unreadable.Kind.TIME, unreadable("2027-01-31T25:00Z").kind());
        for (String bad : new String[] {"soon", "0d", "-5d", "", "30"}) {
            assertEquals(KeyExpiry.Unreadable.Kind.OTHER, unreadable(bad).kind(), bad);
        }
        assertEquals("'soon' is not an expiry; give " + KeyExpiry.FORMS + ".", unreadable(" soon ").getMessage());
        assertEquals("'a?b' is not an expiry; give " + KeyExpiry.FORMS + ".", unreadable("a\nb").getMessage());
    }

    @Test
    void anExpiryIsATimeOrNeverNotBoth() {
        assertThrows(IllegalArgumentException.class, () -> new KeyExpiry(Optional.of(NOW), true));
    }

    private static KeyExpiry.Unreadable unreadable(String text) {
        return assertThrows(KeyExpiry.Unreadable.class, () -> KeyExpiry.parse(text, NOW), text);
    }
}
