package dev.gatehouse.http.web;

/**
 * A person's name for a User-Agent string, "Firefox on Windows", for the sessions table. Rough
 * on purpose: it only has to tell one's own devices apart; the full string is in the title.
 */
public final class Browsers {

    private Browsers() {
    }

    public static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown client";
        }
        String browser = browser(userAgent);
        String system = system(userAgent);
        if (browser == null) {
            String first = userAgent.strip().split("[\\s/]", 2)[0];
            return system == null ? first : first + " on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String browser(String ua) {
        // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari".
        if (ua.contains("Edg/")) {
            return "Edge";
        }
        if (ua.contains("OPR/")) {
            return "Opera";
        }
        if (ua.contains("Firefox/")) {
            return "Firefox";
        }
        if (ua.contains("HeadlessChrome/")) {
            return "Headless Chrome";
        }
        if (ua.contains("Chrome/") || ua.contains("Chromium/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/")) {
            return "Safari";
        }
        if (ua.startsWith("curl/")) {
            return "curl";
        }
        return null;
    }

    private static String system(String ua) {
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("iPhone") || ua.contains("iPad")) {
            return "iOS";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            return "macOS";
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (ua.contains("Linux")) {
            return "Linux";
        }
        return null;
    }
}
