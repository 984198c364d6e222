package dev.darkmaximus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;

/**
 * End to end: this admin UI in Chromium, talking through the generated client to the real backend jar with its own
 * embedded PostgreSQL. Signs in, adds a host (after the backend refuses a bad URL on the right field), adds a plan
 * and finds it in the grid.
 */
class AdminUiBrowserIT extends AdminUiTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void anAdminSignsInAndCreatesAHostAndAPlan() {
        String hostName = "IT host " + System.nanoTime();
        String planName = "IT plan " + System.nanoTime();
        try (Playwright playwright = Playwright.create(); Browser browser = Browsers.chromium(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
            page.setDefaultTimeout(20_000);
            page.navigate("http://127.0.0.1:" + port + "/");

            assertThat(page.locator("#sign-in")).isVisible();
            page.locator("#username input").fill("admin");
            page.locator("#password input").fill("wrong password");
            page.locator("#sign-in").click();
            assertThat(page.locator("#login-message")).hasText("Wrong login or password.");
            page.locator("#password input").fill(BackendProcess.ADMIN_PASSWORD);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login.png")));
            page.locator("#sign-in").click();
            assertThat(page.locator("#dashboard")).isVisible();

            page.navigate("http://127.0.0.1:" + port + "/hosts");
            page.locator("#add-host").click();
            page.locator("#host-name input").fill(hostName);
            page.locator("#host-base-url input").fill("ftp://not-a-panel");
            page.locator("#host-username input").fill("panel-admin");
            page.locator("#host-password input").fill("panel-secret");
            page.locator("#save-host").click();
            Locator baseUrl = page.locator("vaadin-text-field#host-base-url");
            assertThat(baseUrl).hasAttribute("invalid", "");
            assertThat(baseUrl).containsText("must be an http(s) URL");
            page.locator("#host-base-url input").fill(ProviderStubs.panelUrl());
            page.locator("#save-host").click();
            assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(hostName)))
                    .isVisible();
            // The test panel is plain http: the list says what that means.
            assertThat(page.locator("#hosts-grid")).containsText("plain HTTP: password in clear");
            assertThat(page.locator("#hosts-grid")).containsText("3x-ui 2.x"); // the panel's name, not "xui_v2"
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("hosts.png")));

            page.navigate("http://127.0.0.1:" + port + "/plans");
            page.locator("#add-plan").click();
            page.locator("#plan-name-ru input").fill("Месяц " + planName);
            page.locator("#plan-name-en input").fill(planName);
            page.locator("#plan-price-rub input").fill("199.999");
            page.locator("#save-plan").click();
            assertThat(page.locator("vaadin-text-field#plan-price-rub")).hasAttribute("invalid", "");
            page.locator("#plan-price-rub input").fill("199.90");
            page.locator("#plan-price-xtr input").fill("100");
            page.locator("#save-plan").click();
            Locator row = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(planName));
            assertThat(row).isVisible();
            assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("199.90 ₽")))
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("plans.png")));

            page.navigate("http://127.0.0.1:" + port + "/customers");
            assertThat(page.locator("#customers-grid")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("customers.png")));

            long keyId = takeTrialAsANewCustomer();
            page.navigate("http://127.0.0.1:" + port + "/keys");
            Locator keyRow = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("-k" + keyId + "-t"));
            assertThat(keyRow).isVisible();
            keyRow.click();
            page.locator("#extend-days input").fill("30");
            page.locator("#extend-key").click();
            assertThat(page.locator("vaadin-notification-card").first()).containsText("Saved");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("key.png")));

            // The same customer's balance, corrected by hand with a reason (the backend audits it).
            page.navigate("http://127.0.0.1:" + port + "/customers");
            page.locator("#customer-search input").fill(Long.toString(lastTelegramId));
            assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions()
                    .setHasText("@it" + lastTelegramId))).isVisible();
            // The search applies after the field's lazy delay; the address then carries it, and the grid reloads in
            // the same answer: wait for both before clicking the row (a fixed pause fails on a busy machine).
            page.waitForURL("**/customers?q=" + lastTelegramId);
            assertThat(page.locator("#customers-grid:not([loading])")).isVisible();
            assertThat(page.locator(".customer-balance:visible")).hasCount(1);
            page.locator(".customer-balance:visible").click();
            page.locator("#adjust-amount input").fill("150");
            page.locator("#adjust-submit").click();
            assertThat(page.locator("vaadin-text-field#adjust-reason")).hasAttribute("invalid", "");
            page.locator("#adjust-reason input").fill("goodwill for the outage");
            page.locator("#adjust-submit").click();
            assertThat(page.locator("#balance-now")).containsText("Balance 150 RUB");
            assertThat(page.locator("#ledger-grid")).containsText("goodwill for the outage");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("balance.png")));

            // A promo code: the API's field error lands on its field, then the fixed value is saved.
            page.navigate("http://127.0.0.1:" + port + "/promo-codes");
            page.locator("#promo-create").click();
            String code = "IT" + Long.toString(System.nanoTime(), 36).toUpperCase();
            page.locator("#promo-code input").fill(code);
            page.locator("#promo-value input").fill("150");
            page.locator("#promo-save").click();
            assertThat(page.locator("vaadin-text-field#promo-value")).hasAttribute("invalid", "");
            page.locator("#promo-value input").fill("25");
            page.locator("#promo-save").click();
            assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(code))).isVisible();
            assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("25 % off")).first())
                    .isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("promo-codes.png")));

            page.navigate("http://127.0.0.1:" + port + "/transactions");
            assertThat(page.locator("#payments-grid")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("transactions.png")));
        }
    }

    private static long lastTelegramId;

    /** A customer (dev sign-in) takes the trial: a key being provisioned on the host created above. */
    private static long takeTrialAsANewCustomer() {
        BackendClient.Customer customer = BackendClient.customer("ru");
        lastTelegramId = customer.telegramId();
        return Long.parseLong(BackendClient.field(BackendClient.send("POST", "/api/v1/me/trial", null,
                customer.token()), "id"));
    }
}
