package dev.gatehouse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The expiry choices of the Create API Key form: the server's default is the one selected. */
class TokensPageTest {

    private static String selected(Optional<Duration> lifetime) {
        return TokensPage.expiries(lifetime).stream().filter(TokensPage.Expiry::selected)
                .map(TokensPage.Expiry::value).reduce((a, b) -> a + "," + b).orElse("");
    }

    @Test
    void theServersDefaultLifetimeIsPreselected() {
        assertEquals("1y", selected(Optional.of(Duration.ofDays(365))));
        assertEquals("90d", selected(Optional.of(Duration.ofDays(90))));
        assertEquals("never", selected(Optional.empty()));
    }

    @Test
    void aDefaultThatIsNoneOfTheChoicesIsOfferedFirst() {
        List<TokensPage.Expiry> expiries = TokensPage.expiries(Optional.of(Duration.ofDays(45)));

        assertEquals(List.of("45d", "30d", "90d", "1y", "never"), expiries.stream().map(TokensPage.Expiry::value).toList());
        assertEquals("45 days", expiries.get(0).label());
        assertEquals("45d", selected(Optional.of(Duration.ofDays(45))));
        assertEquals("2y", selected(Optional.of(Duration.ofDays(730))));
    }
}
