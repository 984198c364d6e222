package dev.darkmaximus.support;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Headless Debian Chromium for browser tests (Playwright's own browser download is off). DM_CHROMIUM overrides the
 * path, e.g. /usr/bin/google-chrome on GitHub's runners.
 */
public final class Chromium {

    private Chromium() {
    }

    public static Browser launch(Playwright playwright) {
        String path = System.getenv().getOrDefault("DM_CHROMIUM", "/usr/bin/chromium");
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(path))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
    }
}
