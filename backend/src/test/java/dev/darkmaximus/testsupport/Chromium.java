package dev.darkmaximus.testsupport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Headless Debian Chromium for browser tests (Playwright's own browser download is off). DM_CHROMIUM overrides the
 * path, e.g. /usr/bin/google-chrome on GitHub's runners.
 */
public final class Chromium {

    private Chromium() {
    }

    /**
     * A phone-sized page whose requests come, as far as the backend's rate limiter can tell (X-Forwarded-For is
     * trusted from loopback), from an address of its own: browser tests sign in often and must not share a bucket.
     */
    public static Page page(Browser browser) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(420, 900));
        page.setExtraHTTPHeaders(Map.of("X-Forwarded-For", randomClientIp()));
        return page;
    }

    public static String randomClientIp() {
        var random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    public static Browser launch(Playwright playwright) {
        // Playwright's assertions give up after 5 s by default, too short for a loaded two-core machine; they still
        // return as soon as what they wait for is there.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        String path = System.getenv().getOrDefault("DM_CHROMIUM", "/usr/bin/chromium");
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(path))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
    }
}
