package dev.gatehouse.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.http.config.Portal;
import dev.gatehouse.http.config.ServerSettings;
import dev.gatehouse.http.pages.Moment;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The small rules the pages rely on: where a sign-in may go next, names in URLs, times in words. */
class PageLinksTest {

    @Test
    void aSignInGoesOnlyToPathsOnThisSite() {
        assertEquals("/admin?after=bob", PageLinks.safeNext("/admin?after=bob"));
        assertEquals("/account", PageLinks.safeNext(null));
        assertEquals("/account", PageLinks.safeNext(""));
        assertEquals("/account", PageLinks.safeNext("https://evil.example/"));
        assertEquals("/account", PageLinks.safeNext("//evil.example/"));
        assertEquals("/account", PageLinks.safeNext("/\\evil.example/"));
        assertEquals("/account", PageLinks.safeNext("/\tadmin"));
        assertEquals("/account", PageLinks.safeNext("javascript:alert(1)"));
    }

    @Test
    void behindAnHttpsPortalASignInGoesOnlyToHttpsAddressesOfItsHostsOrTheAllowedOnes() {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, "sqlite:x.db", java.util.List.of())
                .withPortal(Portal.of("https://auth.example.com", "example.com"))
                .withAllowedHosts(java.util.List.of("*.models.example.net"));
        assertEquals("https://ai.example.com/chat", PageLinks.safeNext("https://ai.example.com/chat", settings));
        assertEquals("https://a.models.example.net/", PageLinks.safeNext("https://a.models.example.net", settings));
        assertEquals("/account", PageLinks.safeNext("http://ai.example.com/chat", settings));
        assertEquals("/account", PageLinks.safeNext("https://models.example.net.evil.net/", settings));
        assertEquals("/account", PageLinks.safeNext("https://example.com.evil.net/", settings));
        assertEquals("/tokens", PageLinks.safeNext("/tokens", settings));
        assertEquals("/account", PageLinks.safeNext("//evil.net/", settings));
    }

    @Test
    void namesInAvatarUrlsArePercentEncodedAsOnePathSegment() {
        assertEquals("/api/users/bob/avatar", PageLinks.avatar("bob"));
        assertEquals("/api/users/J%C3%BCrgen%20M.%3F%23/avatar", PageLinks.avatar("Jürgen M.?#"));
        assertEquals("/api/users/..%25/avatar", PageLinks.avatar("..%"));
    }

    @Test
    void momentsCarryTheExactTimeTheDateAndHowLongAgo() {
        Moment moment = Moment.of(Instant.parse("2025-03-15T10:30:00Z"), Instant.parse("2025-03-15T13:31:00Z"));
        assertEquals(new Moment("2025-03-15T10:30:00Z", "2025-03-15 10:30:00 UTC", "2025-03-15", "3 hours ago"), moment);
    }

    @Test
    void browsersAreNamedSoPeopleCanTellTheirDevicesApart() {
        assertEquals("Firefox on Windows", Browsers.describe(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"));
        assertEquals("Chrome on Android", Browsers.describe(
                "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"));
        assertEquals("Safari on iOS", Browsers.describe(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"));
        assertEquals("Edge on Windows", Browsers.describe(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0"));
        assertEquals("curl", Browsers.describe("curl/8.5.0"));
        assertEquals("Java-http-client", Browsers.describe("Java-http-client/17.0.12"));
        assertEquals("Unknown client", Browsers.describe(""));
    }
}
