package dev.gatehouse.http.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium driven by Playwright, which may not download browsers here. Pages get a
 * short default timeout and collect console errors (CSP violations show up there).
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("GATEHOUSE_CHROMIUM", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of(System.getProperty("gatehouse.screenshots", "target/screenshots"));
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;
    /** Console errors and uncaught page errors, from every page this browser opened. */
    public final List<String> errors = new ArrayList<>();

    public Chromium() {
        this(List.of());
    }

    /** With command-line switches of the test's besides the usual ones (e.g. --host-resolver-rules). */
    public Chromium(List<String> extraArgs) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new ArrayList<>(ARGS);
        args.addAll(extraArgs);
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(args));
    }

    /**
     * The browser, or the calling tests skipped on a machine without it (like the PostgreSQL
     * tests; never under CI, where a missing browser is a failure).
     */
    public static Chromium launchOrSkip() {
        return launchOrSkip(List.of());
    }

    /** As {@link #launchOrSkip()}, with switches of the test's. */
    public static Chromium launchOrSkip(List<String> extraArgs) {
        if (!Files.isExecutable(EXECUTABLE) && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("No Chromium at " + EXECUTABLE + "; install Debian's chromium"
                    + " (apt-get install chromium) or set GATEHOUSE_CHROMIUM to run the browser tests");
        }
        return new Chromium(extraArgs);
    }

    /** A fresh browser profile (own cookies) showing pages of {@code width} x {@code height}. */
    public Page open(int width, int height, ColorScheme scheme) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setColorScheme(scheme).setLocale("en-GB"));
        Page page = context.newPage();
        page.setDefaultTimeout(10_000);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> errors.add(page.url() + ": " + error));
        return page;
    }

    public Page open() {
        return open(1280, 860, ColorScheme.LIGHT);
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A modal dialog is shown over the viewport; a full-page shot would smear its backdrop.
        boolean dialogOpen = page.locator("dialog[open]").count() > 0;
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(!dialogOpen));
    }

    /** A 96x96 PNG: a blue square with a white disc, so a broken decode would show. */
    public static byte[] avatarPng() {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2563eb));
        g.fillRect(0, 0, 96, 96);
        g.setColor(Color.WHITE);
        g.fillOval(24, 24, 48, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
