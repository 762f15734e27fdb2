package dev.gatehouse.http.testing;

import com.microsoft.playwright.Page;
import dev.gatehouse.http.pages.BrowserIT;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Browser tests share one headless Chromium per test class, launched (or the class skipped) before its tests. */
public abstract class ChromiumTests {

    public static Chromium chromium;

    @BeforeAll
    public static void launch() {
        chromium = Chromium.launchOrSkip();
    }

    /**
     * Opens {@code /login?next=PATH} of {@code origin} in {@code page}, signs in, and waits until
     * the browser is at {@code origin + path}.
     */
    public static void signInTo(Page page, String origin, String path, String username, String password) {
        page.navigate(origin + "/login?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
        BrowserIT.signIn(page, username, password);
        page.waitForURL(origin + path);
    }

    /** The browser's errors so far less "Failed to load resource", which refused requests (401, 403) log. */
    public static List<String> faults() {
        return chromium.errors.stream().filter(e -> !e.contains("Failed to load resource")).toList();
    }

    @AfterAll
    public static void quit() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
