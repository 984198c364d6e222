package dev.darkmaximus.miniapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.darkmaximus.support.CatalogRequests;
import dev.darkmaximus.support.Api;
import dev.darkmaximus.support.Chromium;
import dev.darkmaximus.support.IntegrationTest;
import dev.darkmaximus.support.TestIds;

/** The real Mini App (TeaVM output served at /app/) in Chromium, signed in through the dev login. */
class MiniAppBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void devLoginShowsTheCatalogInTheCustomersLanguage() {
        Api api = new Api(port);
        String admin = api.adminToken();
        String hostName = "Browser host " + System.nanoTime();
        long hostId = api.post("/api/v1/admin/hosts", CatalogRequests.host(hostName), admin).expect(201).json()
                .get("id").asLong();
        String planName = "Browser plan " + System.nanoTime();
        long planId = api.post("/api/v1/admin/plans", CatalogRequests.plan(hostId, planName, "visible"), admin).expect(201)
                .json().get("id").asLong();

        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(420, 900));
            // Offline test machine: Telegram's script can't load, exactly as in a plain browser.
            page.route("https://telegram.org/**", route -> route.abort());
            page.navigate("http://127.0.0.1:" + port + "/app/?devUser=" + TestIds.telegramId());

            Locator card = page.locator(".plan-card[data-plan-id='" + planId + "']");
            assertThat(card.locator(".plan-name")).hasText(planName);
            assertThat(card.locator(".plan-price[data-currency='RUB']")).hasText("199 ₽");
            assertThat(card.locator(".plan-price[data-currency='XTR']")).hasText("100 ⭐");
            assertThat(card.locator(".plan-details")).containsText("1 month");
            assertThat(page.locator("#greeting")).containsText("Hello, Dev");
            assertThat(page.locator("#error")).isHidden();
            card.scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target", "screenshots", "miniapp-catalog.png")).setFullPage(true));
        }
    }
}
