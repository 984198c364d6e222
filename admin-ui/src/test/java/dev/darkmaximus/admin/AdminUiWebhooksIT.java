package dev.darkmaximus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;

/**
 * Outbound webhooks from the admin UI: an admin registers an endpoint and copies its secret (shown once), a new
 * customer's event reaches the receiver through the backend's outbox, the delivery log shows it delivered, a resend
 * sends it again, and switching the endpoint off shows in the list. Desktop and Russian phone are shot.
 */
class AdminUiWebhooksIT extends AdminUiTest {

    @Test
    void anAdminRegistersAnEndpointSeesItsDeliveryAndResendsIt() {
        try (Playwright playwright = Playwright.create(); Browser browser = Browsers.chromium(playwright)) {
            Page page = Browsers.signedIn(browser, port, "admin", BackendProcess.ADMIN_PASSWORD);
            page.navigate(url("/webhooks"));
            page.locator("#webhook-add").click();
            page.locator("#webhook-url input").fill("not a url");
            page.locator("#webhook-events vaadin-checkbox", new Page.LocatorOptions().setHasText("customer.created"))
                    .click();
            page.locator("#webhook-save").click();
            assertThat(page.locator("vaadin-text-field#webhook-url")).hasAttribute("invalid", "");
            page.locator("#webhook-url input").fill(ProviderStubs.webhookReceiverUrl());
            page.locator("#webhook-description input").fill("CRM");
            page.locator("#webhook-save").click();
            assertThat(page.locator("#webhook-secret input")).hasValue(Pattern.compile("whsec_.{43}"));
            Browsers.screenshot(page, "webhook-secret");
            page.keyboard().press("Escape");
            assertThat(page.locator("#webhooks-grid")).containsText(ProviderStubs.webhookReceiverUrl());

            int before = ProviderStubs.webhookDeliveries();
            BackendClient.customer("en"); // customer.created, sent by the backend's outbox worker
            await(() -> ProviderStubs.webhookDeliveries() > before);
            page.locator(".webhook-deliveries").last().click();
            Page.LocatorOptions delivered = new Page.LocatorOptions().setHasText("Delivered");
            await(() -> {
                page.locator("#webhook-deliveries-refresh").click();
                return page.locator("#webhook-deliveries-grid vaadin-grid-cell-content", delivered).count() > 0;
            });
            assertThat(page.locator("#webhook-deliveries-grid")).containsText("customer.created");
            assertThat(page.locator("#webhook-deliveries-grid")).containsText("answer 204");
            Browsers.screenshot(page, "webhook-deliveries");
            int afterFirst = ProviderStubs.webhookDeliveries();
            page.locator(".webhook-resend").first().click();
            assertThat(page.locator("vaadin-notification-card").last()).containsText("Queued");
            await(() -> ProviderStubs.webhookDeliveries() > afterFirst);
            page.keyboard().press("Escape");

            page.locator(".webhook-edit").last().click();
            page.locator("#webhook-enabled").click();
            page.locator("#webhook-save").click();
            assertThat(page.locator("#webhooks-grid")).containsText("Off");
            Browsers.screenshot(page, "webhooks");

            Page phoneRu = Browsers.signedIn(browser, port, "admin", BackendProcess.ADMIN_PASSWORD, "ru-RU", 390, 844);
            Browsers.open(phoneRu, url("/webhooks"), "#webhooks-grid", "webhooks-ru-phone");
            assertThat(phoneRu.locator("#webhooks-grid")).containsText("Выключен");
            Browsers.screenshot(phoneRu, "webhooks-ru-phone");
            phoneRu.locator(".webhook-deliveries").last().click();
            assertThat(phoneRu.locator("#webhook-deliveries-grid")).containsText("Доставлена");
            Browsers.screenshot(phoneRu, "webhook-deliveries-ru-phone");
        }
    }

    /** Polls until the condition holds (what the backend does in the background), failing after a minute. */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within a minute");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
