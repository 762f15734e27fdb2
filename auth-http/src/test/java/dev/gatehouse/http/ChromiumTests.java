package dev.gatehouse.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Browser tests share one headless Chromium per test class, launched (or the class skipped) before its tests. */
abstract class ChromiumTests {

    static Chromium chromium;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launchOrSkip();
    }

    @AfterAll
    static void quit() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
