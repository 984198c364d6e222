package dev.darkmaximus.miniapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.darkmaximus.messaging.Templates;
import dev.darkmaximus.platform.settings.ShopSettings;
import dev.darkmaximus.platform.settings.persistence.Setting;
import dev.darkmaximus.testsupport.Chromium;
import dev.darkmaximus.testsupport.IntegrationTest;
import dev.darkmaximus.testsupport.TestIds;

/** The Mini App in maintenance mode shows the shop's "back soon" text, in the phone's language, not an error. */
class MiniAppMaintenanceIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ShopSettings settings;
    @Autowired
    Templates templates;

    @Test
    void theBackSoonTextIsWhatACustomerSees() {
        settings.put(ShopSettings.MAINTENANCE, "true", Setting.ValueType.BOOL, "test");
        try (Playwright playwright = Playwright.create(); Browser browser = Chromium.launch(playwright)) {
            for (String locale : new String[] {"en-US", "ru-RU"}) {
                Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844).setLocale(locale));
                page.setExtraHTTPHeaders(Map.of("X-Forwarded-For", Chromium.randomClientIp()));
                page.route("https://telegram.org/**", route -> route.abort());
                page.navigate("http://127.0.0.1:" + port + "/app/?devUser=" + TestIds.telegramId());
                assertThat(page.locator("#error")).isVisible();
                assertThat(page.locator("#error")).containsText(templates.render(Templates.MAINTENANCE,
                        locale.substring(0, 2), Map.of()));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                        "miniapp-maintenance-" + locale.substring(0, 2) + ".png")).setFullPage(true));
                page.close();
            }
        } finally {
            settings.put(ShopSettings.MAINTENANCE, "false", Setting.ValueType.BOOL, "test");
        }
    }
}
