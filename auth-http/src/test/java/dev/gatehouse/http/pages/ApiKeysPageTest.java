package dev.gatehouse.http.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The expiry choices of the Create API Key form: the server's default is the one selected. */
class ApiKeysPageTest {

    private static String selected(Optional<Duration> lifetime) {
        return ApiKeysPage.expiries(lifetime).stream().filter(ApiKeysPage.Expiry::selected)
                .map(ApiKeysPage.Expiry::value).reduce((a, b) -> a + "," + b).orElse("");
    }

    @Test
    void theServersDefaultLifetimeIsPreselected() {
        assertEquals("1y", selected(Optional.of(Duration.ofDays(365))));
        assertEquals("90d", selected(Optional.of(Duration.ofDays(90))));
        assertEquals("never", selected(Optional.empty()));
    }

    @Test
    void aDefaultThatIsNoneOfTheChoicesIsOfferedFirst() {
        List<ApiKeysPage.Expiry> expiries = ApiKeysPage.expiries(Optional.of(Duration.ofDays(45)));

        assertEquals(List.of("45d", "30d", "90d", "1y", "never"), expiries.stream().map(ApiKeysPage.Expiry::value).toList());
        assertEquals("45 days", expiries.get(0).label());
        assertEquals("45d", selected(Optional.of(Duration.ofDays(45))));
        assertEquals("2y", selected(Optional.of(Duration.ofDays(730))));
    }
}
