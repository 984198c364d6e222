package dev.darkmaximus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;

import dev.darkmaximus.dm2import.Dm2Database;

/**
 * Moving a DM2 shop from the admin UI: an admin uploads its users.db (built from DM2's own schema), reads the dry
 * run's report and imports it; the report says what was imported. Desktop and Russian phone are shot.
 */
class AdminUiImportIT extends AdminUiTest {

    @Test
    void anAdminUploadsADm2ShopDryRunsAndImportsIt() throws Exception {
        Path dir = Files.createTempDirectory("dm2-ui");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long telegramId = 8_100_000_000L + (System.nanoTime() % 100_000_000L);
        Dm2Database dm2 = new Dm2Database(dir.resolve("users.db"))
                .insert("INSERT INTO xui_hosts VALUES (?, 'https://fi.example.net:2053/x', 'admin', 'pw', 1, ?)",
                        "🇫🇮 Helsinki " + tag, "hel" + tag)
                .insert("INSERT INTO users (telegram_id, username, balance) VALUES (?, ?, ?)", telegramId,
                        "dm2user" + tag, 0.1 + 0.2)
                .insert("""
                        INSERT INTO vpn_keys (user_id, host_name, xui_client_uuid, key_email, expiry_date, status,
                                              subscription) VALUES (?, ?, ?, ?, '2031-01-01 00:00:00', 'pay-active', ?)""",
                        telegramId, "🇫🇮 Helsinki " + tag, UUID.randomUUID().toString(), "ui-" + tag, "s" + tag);
        try (Playwright playwright = Playwright.create(); Browser browser = Browsers.chromium(playwright)) {
            Page page = Browsers.signedIn(browser, port, "admin", BackendProcess.ADMIN_PASSWORD);
            Browsers.open(page, url("/import"), "#import-upload", "import");
            assertThat(page.locator("#import-dry-run")).isDisabled();
            Browsers.screenshot(page, "import-empty");
            page.locator("#import-upload input[type=file]").setInputFiles(dm2.file());
            assertThat(page.locator("#import-dry-run")).isEnabled();

            // The DM2 server's zone goes with the file (registration dates are its local times).
            page.locator("#import-zone input").fill("Europe/Moscow");
            page.locator("vaadin-combo-box-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("Europe/Moscow")).first().click();
            assertThat(page.locator("#import-zone input")).hasValue("Europe/Moscow");
            page.locator("#import-dry-run").click();
            assertThat(page.locator("#import-report")).containsText("DRY RUN");
            assertThat(page.locator("#import-report")).containsText("read in Europe/Moscow");
            assertThat(page.locator("#import-report")).containsText("0.30000000000000004 → 0.30");
            Browsers.screenshot(page, "import-dry-run");

            page.locator("#import-apply").click();
            Browsers.confirm(page);
            assertThat(page.locator("#import-report")).containsText("applied");
            Browsers.screenshot(page, "import");

            Page phoneRu = Browsers.signedIn(browser, port, "admin", BackendProcess.ADMIN_PASSWORD, "ru-RU", 390, 844);
            Browsers.open(phoneRu, url("/import"), "#import-upload", "import-ru-phone");
            assertThat(phoneRu.locator("#import-dry-run")).containsText("Пробный прогон");
            phoneRu.locator("#import-upload input[type=file]").setInputFiles(dm2.file());
            phoneRu.locator("#import-dry-run").click();
            // Run again: everything was imported by the desktop's run, nothing twice.
            assertThat(phoneRu.locator("#import-report")).containsText("DRY RUN");
            Browsers.screenshot(phoneRu, "import-ru-phone");
        }
    }
}
